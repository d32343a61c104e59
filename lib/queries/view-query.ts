import { type UseQueryOptions } from '@tanstack/react-query';
import { useQuery } from './use-query';
import type { ViewName } from '../views';
import type { ApiError } from './api-error';
import { fetchJson } from './fetch-json';
import { viewQueryKey } from './view-keys';
import { VIEW_STALE_TIME, type ViewResponse, type ViewRows } from './view-response';

/** The cached answer of one whole view. */
export type ViewData<V extends ViewName> = ViewResponse<ViewRows[V]>;

export type ViewQueryOptions<V extends ViewName, TData> = Omit<
  UseQueryOptions<ViewData<V>, ApiError, TData>,
  'queryKey' | 'queryFn'
>;

/** GET /api/<view>: every row of the view, its revision and the cache health. */
export function getView<V extends ViewName>(view: V, signal?: AbortSignal): Promise<ViewData<V>> {
  return fetchJson<ViewData<V>>(`/api/${view}`, { signal });
}

/**
 * A whole view under the query key the live stream patches (stream/view-keys.ts): fetched once,
 * then kept current by deltas, never refetched on a timer.
 */
export function useViewQuery<V extends ViewName, TData = ViewData<V>>(
  view: V,
  options: ViewQueryOptions<V, TData> = {},
) {
  return useQuery<ViewData<V>, ApiError, TData>({
    queryKey: viewQueryKey(view),
    queryFn: ({ signal }) => getView(view, signal),
    staleTime: VIEW_STALE_TIME,
    ...options,
  });
}
