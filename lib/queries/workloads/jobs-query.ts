import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type JobsData = ViewData<'jobs'>;

/** GET /api/jobs: Jobs as JobRows, with the view revision and cache health. */
export function getJobs(signal?: AbortSignal): Promise<JobsData> {
  return getView('jobs', signal);
}

/** The Jobs view, kept current by the live stream (never refetched on a timer). */
export function useJobsQuery<TData = JobsData>(options: ViewQueryOptions<'jobs', TData> = {}) {
  return useViewQuery('jobs', options);
}
