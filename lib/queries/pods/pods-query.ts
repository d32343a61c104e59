import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { PodRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { VIEW_STALE_TIME, type ViewResponse } from '../view-response';
import { podKeys } from './keys';

export type PodsData = ViewResponse<PodRow>;

/** GET /api/pods: every pod in every namespace as a PodRow, with revision and cache health. */
export function getPods(signal?: AbortSignal): Promise<PodsData> {
  return fetchJson<PodsData>('/api/pods', { signal });
}

/** The full pods view, kept current by the live stream. */
export function usePodsQuery<TData = PodsData>(
  options: Omit<UseQueryOptions<PodsData, ApiError, TData>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<PodsData, ApiError, TData>({
    queryKey: podKeys.list(),
    queryFn: ({ signal }) => getPods(signal),
    staleTime: VIEW_STALE_TIME,
    ...options,
  });
}
