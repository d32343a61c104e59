import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type PodsData = ViewData<'pods'>;

/** GET /api/pods: every pod in every namespace as a PodRow, with the view revision and cache health. */
export function getPods(signal?: AbortSignal): Promise<PodsData> {
  return getView('pods', signal);
}

/** The pods view, kept current by the live stream (never refetched on a timer). */
export function usePodsQuery<TData = PodsData>(options: ViewQueryOptions<'pods', TData> = {}) {
  return useViewQuery('pods', options);
}
