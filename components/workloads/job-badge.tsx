import { jobTone } from '@/lib/batch/batch-list';
import type { JobRow } from '@/lib/batch/job-row';
import { Badge } from '../ui/badge';

/** A Job's phase (Complete, Failed, Suspended, Running, Pending), with the deciding message as a title. */
export function JobBadge({ job, testId }: { job: Pick<JobRow, 'phase' | 'message'>; testId?: string }) {
  return (
    <Badge tone={jobTone(job.phase)} data-testid={testId} data-phase={job.phase} title={job.message ?? undefined}>
      {job.phase}
    </Badge>
  );
}
