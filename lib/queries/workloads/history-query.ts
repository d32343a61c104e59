import { keepPreviousData } from '@tanstack/react-query';
import { useQuery } from '../use-query';
import type { PodTemplate } from '../../kube-types';
import type { HistoryRow } from '../../rollout-history';
import { WORKLOAD_KIND_OF, type WorkloadResource } from '../../kube-resources';
import type { WorkloadRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { workloadKeys } from './keys';

export interface WorkloadRef {
  kind: WorkloadResource;
  namespace: string;
  name: string;
}

export interface HistoryData extends WorkloadRef {
  /** The workload's pod template now: what an undo is diffed against. */
  template: PodTemplate;
  rows: HistoryRow[];
}

export const workloadPath = (w: WorkloadRef) =>
  `/api/workloads/${w.kind}/${encodeURIComponent(w.namespace)}/${encodeURIComponent(w.name)}`;

/** The workload's page, e.g. `/workloads/deployments/team-a/web`. */
export const workloadPage = (w: WorkloadRef) =>
  `/workloads/${w.kind}/${encodeURIComponent(w.namespace)}/${encodeURIComponent(w.name)}`;

/** `Deployment team-a/web`: a workload as a toast names it. */
export const workloadLabel = (w: WorkloadRef) => `${WORKLOAD_KIND_OF[w.kind]} ${w.namespace}/${w.name}`;

/** GET …/history: the revisions, newest first, and the current template. */
export function getHistory(w: WorkloadRef, signal?: AbortSignal): Promise<HistoryData> {
  return fetchJson<HistoryData>(`${workloadPath(w)}/history`, { signal });
}

/**
 * The live row's fingerprint: the controller creates a revision before it reports the new
 * generation observed, so when the stream brings a new fingerprint the history is read again.
 * No timer: a history changes only when its workload does.
 */
export function historyVersion(row: Pick<WorkloadRow, 'generation' | 'observedGeneration' | 'rollout'>): string {
  return `${row.generation}/${row.observedGeneration}/${row.rollout.state}`;
}

/** The rollout history of one workload, read again whenever its live row moves on. */
export function useHistoryQuery(w: WorkloadRef, version: string) {
  return useQuery<HistoryData, ApiError>({
    queryKey: workloadKeys.history(w.kind, w.namespace, w.name, version),
    queryFn: ({ signal }) => getHistory(w, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}
