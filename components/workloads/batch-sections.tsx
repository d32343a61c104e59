'use client';

import { useMemo } from 'react';
import { filterBatch, type BatchFilter } from '@/lib/batch/batch-list';
import { ApiError } from '@/lib/queries/api-error';
import { useCronJobsQuery } from '@/lib/queries/workloads/cronjobs-query';
import { useJobsQuery } from '@/lib/queries/workloads/jobs-query';
import { useNow } from '../hooks/use-now';
import { loadError } from '../feedback/query-states';
import { Card, CardHeader } from '../ui/card';
import { TableSkeleton } from '../ui/skeleton';
import { CronJobsTable } from './cronjobs-table';
import { JobsTable } from './jobs-table';

/** Why a batch view is not shown, or null when it loads or loaded. */
function unavailable(error: unknown, what: string): string | null {
  if (error instanceof ApiError && error.status === 403) return `Kubernetes does not allow you to list ${what}.`;
  return error ? `Could not load ${what}: ${error instanceof Error ? error.message : String(error)}` : null;
}

/**
 * The Jobs and CronJobs of the Workloads page (the cached jobs and cronjobs views, live), under
 * the page's namespace and search filter; `show` picks which of the two.
 */
export function BatchSections({ filter, show }: { filter: BatchFilter; show: { jobs: boolean; cronJobs: boolean } }) {
  const now = useNow();
  const jobsQ = useJobsQuery();
  const cronQ = useCronJobsQuery();
  const jobs = useMemo(() => (jobsQ.data ? filterBatch(jobsQ.data.items, filter) : undefined), [jobsQ.data, filter]);
  const cronJobs = useMemo(
    () => (cronQ.data ? filterBatch(cronQ.data.items, filter) : undefined),
    [cronQ.data, filter],
  );
  const jobsNote = jobs ? null : unavailable(loadError(jobsQ), 'Jobs');
  const cronNote = cronJobs ? null : unavailable(loadError(cronQ), 'CronJobs');
  return (
    <>
      {show.cronJobs && (
        <Card data-testid="workloads-cronjobs">
          <CardHeader title="CronJobs" aside={cronJobs ? `${cronJobs.length}` : undefined} />
          {cronJobs ? (
            <CronJobsTable rows={cronJobs} now={now} emptyText="No CronJobs match these filters." />
          ) : cronNote ? (
            <p className="px-4 py-3 text-sm text-zinc-500">{cronNote}</p>
          ) : (
            <TableSkeleton rows={2} />
          )}
        </Card>
      )}
      {show.jobs && (
        <Card data-testid="workloads-jobs">
          <CardHeader title="Jobs" aside={jobs ? `${jobs.length}` : undefined} />
          {jobs ? (
            <JobsTable rows={jobs} now={now} emptyText="No Jobs match these filters." />
          ) : jobsNote ? (
            <p className="px-4 py-3 text-sm text-zinc-500">{jobsNote}</p>
          ) : (
            <TableSkeleton rows={2} />
          )}
        </Card>
      )}
    </>
  );
}
