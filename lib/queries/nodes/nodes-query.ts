import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type NodesData = ViewData<'nodes'>;

/** GET /api/nodes: every node as a NodeRow, with the view revision and cache health. */
export function getNodes(signal?: AbortSignal): Promise<NodesData> {
  return getView('nodes', signal);
}

/** The nodes view, kept current by the live stream (never refetched on a timer). */
export function useNodesQuery<TData = NodesData>(options: ViewQueryOptions<'nodes', TData> = {}) {
  return useViewQuery('nodes', options);
}
