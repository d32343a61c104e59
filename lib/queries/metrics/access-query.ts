import { useQuery } from '../use-query';
import type { MetricsScope } from '../../metrics/promql-scope';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { metricsKeys } from './keys';

/** Which series the user may read (GET /api/metrics/access). */
export interface MetricsAccess extends MetricsScope {
  /** The matcher added to every selector of the user's queries; null when none is. */
  matcher: string | null;
  readsNothing: boolean;
}

export function getMetricsAccess(signal?: AbortSignal): Promise<MetricsAccess> {
  return fetchJson<MetricsAccess>('/api/metrics/access', { signal });
}

/** The user's metrics rights; RBAC answers are cached half a minute on the server, so a minute here. */
export function useMetricsAccessQuery() {
  return useQuery<MetricsAccess, ApiError>({
    queryKey: metricsKeys.access,
    queryFn: ({ signal }) => getMetricsAccess(signal),
    staleTime: 60_000,
  });
}
