import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { NodeRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { VIEW_STALE_TIME, type ViewResponse } from '../view-response';
import { nodeKeys } from './keys';

export type NodesData = ViewResponse<NodeRow>;

/** GET /api/nodes: every node as a NodeRow, with the view revision and cache health. */
export function getNodes(signal?: AbortSignal): Promise<NodesData> {
  return fetchJson<NodesData>('/api/nodes', { signal });
}

/** The nodes view, kept current by the live stream (never refetched on a timer). */
export function useNodesQuery<TData = NodesData>(
  options: Omit<UseQueryOptions<NodesData, ApiError, TData>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<NodesData, ApiError, TData>({
    queryKey: nodeKeys.list(),
    queryFn: ({ signal }) => getNodes(signal),
    staleTime: VIEW_STALE_TIME,
    ...options,
  });
}
