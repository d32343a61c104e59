import type { DrainConsent } from '../../drain/plan';
import type { EvictionResult } from '../../drain/outcome';
import { fetchJson } from '../fetch-json';

/** One pod to evict, by the uid the preview showed. */
export interface DrainPodRef {
  namespace: string;
  name: string;
  uid: string;
}

export interface DrainAnswer {
  node: { unschedulable: boolean };
  /** This request cordoned the node (it was schedulable). */
  cordoned: boolean;
  results: EvictionResult[];
}

/**
 * POST /api/nodes/<name>/drain: cordon (if not yet) and evict `pods`. Not a useMutation: the
 * drain runner (components/nodes/use-drain-run.ts) sends many, a few at a time, and owns the state.
 */
export function postDrain(
  name: string,
  pods: DrainPodRef[],
  consent: DrainConsent,
  signal?: AbortSignal,
): Promise<DrainAnswer> {
  return fetchJson<DrainAnswer>(`/api/nodes/${encodeURIComponent(name)}/drain`, {
    method: 'POST',
    body: JSON.stringify({ pods, ...consent }),
    signal,
  });
}
