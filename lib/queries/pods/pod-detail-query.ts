import { useQuery } from '../use-query';
import type { CacheHealth } from '../../health';
import type { FoldedEvent } from '../../object-events';
import type { OwnerLink, PodDetail } from '../../pod-detail';
import type { PodRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { podKeys } from './keys';

/** GET /api/pods/<namespace>/<name>: one pod for its page. */
export interface PodDetailData {
  row: PodRow;
  pod: PodDetail;
  owners: OwnerLink[];
  /** Folded, warnings first; null when the user may not list events in the namespace. */
  events: FoldedEvent[] | null;
  health: CacheHealth;
}

/** The URL of one pod's detail answer. */
export function podDetailUrl(namespace: string, name: string): string {
  return `/api/pods/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** GET /api/pods/<namespace>/<name>. */
export function getPodDetail(namespace: string, name: string, signal?: AbortSignal): Promise<PodDetailData> {
  return fetchJson<PodDetailData>(podDetailUrl(namespace, name), { signal });
}

/**
 * One pod's detail, read again whenever `fingerprint` changes: the page derives it from the live
 * pods and events views (their stream deltas), so the detail follows the cluster without a timer
 * and without asking the API server (the route answers from the watch cache). A 404 or 403 is an
 * answer, not a failure to retry.
 */
export function usePodDetailQuery(namespace: string, name: string, fingerprint: string) {
  return useQuery<PodDetailData, ApiError>({
    queryKey: [...podKeys.all, 'detail', namespace, name, fingerprint],
    queryFn: ({ signal }) => getPodDetail(namespace, name, signal),
    staleTime: Infinity,
    placeholderData: (prev) => prev,
    retry: (n, e) => e.status !== 404 && e.status !== 403 && n < 3,
  });
}
