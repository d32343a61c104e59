/**
 * A CronJob as the browser sees it: the columns of `kubectl get cronjobs` (schedule, suspend,
 * active, last schedule) plus the last successful run and the GPUs one pod of its Jobs requests.
 * The next run is not part of the row (it changes with the clock, not with the object): pages
 * compute it with `nextRun` (next-run.ts). Pure.
 */
import { podUnitRequests } from '../gpu/pod-requests';
import type { GpuCounts } from '../gpu';
import type { CronJob } from './types';

export interface CronJobRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  schedule: string;
  timeZone: string | null;
  suspended: boolean;
  concurrencyPolicy: string;
  /** The names of the Jobs the controller counts as running. */
  active: string[];
  lastScheduleTime: string | null;
  lastSuccessfulTime: string | null;
  /** Every GPU unit one pod of the Job template requests (whole, MIG, shared). */
  gpuPerPod: GpuCounts;
  images: string[];
  labels: Record<string, string>;
  createdAt: string | null;
}

/** The row of one CronJob. */
export function toCronJobRow(c: CronJob): CronJobRow {
  const template = c.spec?.jobTemplate?.spec?.template;
  return {
    key: `${c.metadata.namespace ?? ''}/${c.metadata.name}`,
    namespace: c.metadata.namespace ?? '',
    name: c.metadata.name,
    uid: c.metadata.uid,
    schedule: c.spec?.schedule ?? '',
    timeZone: c.spec?.timeZone ?? null,
    suspended: Boolean(c.spec?.suspend),
    concurrencyPolicy: c.spec?.concurrencyPolicy ?? 'Allow',
    active: (c.status?.active ?? []).map((a) => a.name ?? '').filter(Boolean),
    lastScheduleTime: c.status?.lastScheduleTime ?? null,
    lastSuccessfulTime: c.status?.lastSuccessfulTime ?? null,
    gpuPerPod: template ? { ...podUnitRequests({ spec: template.spec }) } : {},
    images: template?.spec.containers.map((x) => x.image ?? '') ?? [],
    labels: c.metadata.labels ?? {},
    createdAt: c.metadata.creationTimestamp ?? null,
  };
}
