import { type UseQueryOptions } from '@tanstack/react-query';
import { useQuery } from '../use-query';
import type { CacheHealth } from '../../health';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { healthKeys } from './keys';

/** GET /api/health: the watch cache's sync state. */
export function getHealth(signal?: AbortSignal): Promise<CacheHealth> {
  return fetchJson<CacheHealth>('/api/health', { signal });
}

/** The cache health; the stream replaces it on every change, so it never refetches by time. */
export function useHealthQuery<TData = CacheHealth>(
  options: Omit<UseQueryOptions<CacheHealth, ApiError, TData>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CacheHealth, ApiError, TData>({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: Number.POSITIVE_INFINITY,
    ...options,
  });
}
