import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { WorkloadRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { VIEW_STALE_TIME, type ViewResponse } from '../view-response';
import { workloadKeys } from './keys';

export type WorkloadsData = ViewResponse<WorkloadRow>;

/** GET /api/workloads: Deployments, StatefulSets and DaemonSets as WorkloadRows. */
export function getWorkloads(signal?: AbortSignal): Promise<WorkloadsData> {
  return fetchJson<WorkloadsData>('/api/workloads', { signal });
}

/** The workloads view, kept current by the live stream. */
export function useWorkloadsQuery<TData = WorkloadsData>(
  options: Omit<UseQueryOptions<WorkloadsData, ApiError, TData>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<WorkloadsData, ApiError, TData>({
    queryKey: workloadKeys.list(),
    queryFn: ({ signal }) => getWorkloads(signal),
    staleTime: VIEW_STALE_TIME,
    ...options,
  });
}
