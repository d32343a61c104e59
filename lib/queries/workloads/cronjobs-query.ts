import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type CronJobsData = ViewData<'cronjobs'>;

/** GET /api/cronjobs: CronJobs as CronJobRows, with the view revision and cache health. */
export function getCronJobs(signal?: AbortSignal): Promise<CronJobsData> {
  return getView('cronjobs', signal);
}

/** The CronJobs view, kept current by the live stream (never refetched on a timer). */
export function useCronJobsQuery<TData = CronJobsData>(options: ViewQueryOptions<'cronjobs', TData> = {}) {
  return useViewQuery('cronjobs', options);
}
