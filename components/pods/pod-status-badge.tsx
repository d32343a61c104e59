import { podTone } from '@/lib/status-tone';
import type { PodRow } from '@/lib/views';
import { Badge } from '../ui/badge';

/** The pod's kubectl STATUS as a coloured badge. */
export function PodStatusBadge({ pod, testId }: { pod: PodRow; testId?: string }) {
  return (
    <Badge tone={podTone(pod)} data-testid={testId} title={pod.schedulingMessage ?? pod.status}>
      {pod.status}
    </Badge>
  );
}
