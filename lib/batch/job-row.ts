/**
 * A Job as the browser sees it: the columns of `kubectl get jobs` (completions, duration) plus
 * active/succeeded/failed, the owning CronJob and the GPUs one pod of it requests (counted by the
 * GPU model, as workloads and pods are). Pure.
 */
import { podUnitRequests } from '../gpu/pod-requests';
import type { GpuCounts } from '../gpu';
import type { Job } from './types';

/** Where a Job stands, from its conditions (the STATUS column of `kubectl get jobs`). */
export type JobPhase = 'Complete' | 'Failed' | 'Suspended' | 'Running' | 'Pending';

export interface JobRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  phase: JobPhase;
  /** The message of the condition that decided the phase (Failed's reason, say), or null. */
  message: string | null;
  /** `spec.completions`; null for a work-queue Job (completions unset: done when one pod succeeds). */
  completions: number | null;
  parallelism: number;
  active: number;
  succeeded: number;
  failed: number;
  startTime: string | null;
  completionTime: string | null;
  /** The CronJob that made the Job (its controller owner), or null. */
  cronJob: string | null;
  /** True when the Job was made by hand from a CronJob (`cronjob.kubernetes.io/instantiate: manual`). */
  manual: boolean;
  /** Every GPU unit one pod of the template requests (whole, MIG, shared). */
  gpuPerPod: GpuCounts;
  images: string[];
  labels: Record<string, string>;
  createdAt: string | null;
}

/** The annotation kubectl (and the panel) puts on a Job made by hand from a CronJob. */
export const MANUAL_ANNOTATION = 'cronjob.kubernetes.io/instantiate';

function phaseOf(j: Job): { phase: JobPhase; message: string | null } {
  const conds = j.status?.conditions ?? [];
  const on = (type: string) => conds.find((c) => c.type === type && c.status === 'True');
  const failed = on('Failed');
  if (failed) return { phase: 'Failed', message: failed.message ?? failed.reason ?? null };
  if (on('Complete')) return { phase: 'Complete', message: null };
  if (j.spec?.suspend) return { phase: 'Suspended', message: on('Suspended')?.message ?? null };
  if ((j.status?.active ?? 0) > 0 || j.status?.startTime) return { phase: 'Running', message: null };
  return { phase: 'Pending', message: null };
}

/** The row of one Job. */
export function toJobRow(j: Job): JobRow {
  const s = j.status ?? {};
  const owner = j.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'CronJob');
  const template = j.spec?.template;
  return {
    key: `${j.metadata.namespace ?? ''}/${j.metadata.name}`,
    namespace: j.metadata.namespace ?? '',
    name: j.metadata.name,
    uid: j.metadata.uid,
    ...phaseOf(j),
    completions: j.spec?.completions ?? null,
    parallelism: j.spec?.parallelism ?? 1,
    active: s.active ?? 0,
    succeeded: s.succeeded ?? 0,
    failed: s.failed ?? 0,
    startTime: s.startTime ?? null,
    completionTime: s.completionTime ?? null,
    cronJob: owner?.name ?? null,
    manual: j.metadata.annotations?.[MANUAL_ANNOTATION] === 'manual',
    gpuPerPod: template ? { ...podUnitRequests({ spec: template.spec }) } : {},
    images: template?.spec.containers.map((c) => c.image ?? '') ?? [],
    labels: j.metadata.labels ?? {},
    createdAt: j.metadata.creationTimestamp ?? null,
  };
}

/** The COMPLETIONS column as kubectl prints it: "2/3"; a work-queue Job "0/1", or "0/1 of 4" when parallel. */
export function completionsText(r: Pick<JobRow, 'succeeded' | 'completions' | 'parallelism'>): string {
  if (r.completions !== null) return `${r.succeeded}/${r.completions}`;
  return r.parallelism > 1 ? `${r.succeeded}/1 of ${r.parallelism}` : `${r.succeeded}/1`;
}

/**
 * The DURATION column of `kubectl get jobs`, in ms: start to completion, or start to `now` while
 * it runs; null before it started. A failed Job has no completionTime: it stops at `now` too.
 */
export function jobDurationMs(r: Pick<JobRow, 'startTime' | 'completionTime'>, now: number): number | null {
  if (!r.startTime) return null;
  const start = Date.parse(r.startTime);
  if (Number.isNaN(start)) return null;
  const end = r.completionTime ? Date.parse(r.completionTime) : now;
  return Number.isNaN(end) ? null : Math.max(0, end - start);
}
