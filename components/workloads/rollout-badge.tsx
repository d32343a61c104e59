import type { RolloutState } from '@/lib/rollout';
import { rolloutTone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';

const LABEL: Record<RolloutState['state'], string> = {
  complete: 'Complete',
  progressing: 'Progressing',
  paused: 'Paused',
  failed: 'Failed',
};

/** A workload's rollout state as `kubectl rollout status` would judge it. */
export function RolloutBadge({ rollout, testId }: { rollout: RolloutState; testId?: string }) {
  return (
    <Badge tone={rolloutTone(rollout)} data-testid={testId} data-state={rollout.state} title={rollout.message}>
      {LABEL[rollout.state]}
    </Badge>
  );
}
