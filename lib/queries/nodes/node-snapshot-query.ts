import { useQuery } from '../use-query';
import type { NodeRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { nodeKeys } from './keys';

export interface NodeSnapshot {
  node: NodeRow;
  /** The resourceVersion of exactly this `node`: edits built from it send it back as a precondition. */
  resourceVersion: string | null;
}

/** GET /api/nodes/<name>: the node's row with its resourceVersion. */
export function getNodeSnapshot(name: string, signal?: AbortSignal): Promise<NodeSnapshot> {
  return fetchJson<NodeSnapshot>(`/api/nodes/${encodeURIComponent(name)}`, { signal });
}

/**
 * The node and its resourceVersion read together, for edits that replace a whole list (taints).
 * The live rows carry no resourceVersion (it moves with every status report), so the snapshot is
 * read again whenever the live row's editable part (`fingerprint`) changes — never on a timer.
 */
export function useNodeSnapshotQuery(name: string, fingerprint: string) {
  return useQuery<NodeSnapshot, ApiError>({
    queryKey: [...nodeKeys.all, 'snapshot', name, fingerprint],
    queryFn: ({ signal }) => getNodeSnapshot(name, signal),
    staleTime: Infinity,
  });
}
