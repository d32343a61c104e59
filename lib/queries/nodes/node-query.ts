import { useCallback } from 'react';
import type { NodeRow } from '../../views';
import { useNodesQuery, type NodesData } from './nodes-query';

/**
 * One node by name, selected from the cached nodes view (no fetch of its own), so the detail
 * page follows stream deltas. `data` is null when the view is loaded but has no such node.
 */
export function useNodeQuery(name: string) {
  const select = useCallback((d: NodesData): NodeRow | null => d.items.find((n) => n.name === name) ?? null, [name]);
  return useNodesQuery({ select, enabled: Boolean(name) });
}
