import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type WorkloadsData = ViewData<'workloads'>;

/** GET /api/workloads: Deployments, StatefulSets and DaemonSets as WorkloadRows, with the view revision and cache health. */
export function getWorkloads(signal?: AbortSignal): Promise<WorkloadsData> {
  return getView('workloads', signal);
}

/** The workloads view, kept current by the live stream (never refetched on a timer). */
export function useWorkloadsQuery<TData = WorkloadsData>(options: ViewQueryOptions<'workloads', TData> = {}) {
  return useViewQuery('workloads', options);
}
