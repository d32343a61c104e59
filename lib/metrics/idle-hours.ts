/**
 * Idle GPU-hours by namespace and by workload over a window: allocated time × idleness. Pure: the
 * PromQL (instant queries at the window's end, subqueries at the window's step) and the shaping of
 * their answers into table rows, so tests can send the exact PromQL to Prometheus themselves.
 *
 * Allocation is kube-state-metrics' GPU requests (whole GPUs, MIG slices, shares: one unit each,
 * as the scheduler counts them) of Running pods; idleness at each step is the share of the pod's
 * DCGM units (lib/metrics/gpu-series.ts) under the threshold. A pod DCGM reports nothing for is
 * allocated but not "measured", never counted idle.
 */
import { podHref } from '../gpu-page/pod-links';
import { gpuResource, unitActivity } from './gpu-series';

/** One sample of an instant query's vector. */
export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface IdleHoursVars {
  /** Window length and resolution, seconds. */
  range: number;
  step: number;
  /** Activity (%) under which a unit counts as idle. */
  threshold: number;
}

/** GPU units requested by each Running pod, by (namespace, pod). */
export const allocatedUnits =
  `sum by (namespace, pod) (kube_pod_container_resource_requests{${gpuResource}})` +
  ` * on (namespace, pod) (max by (namespace, pod) (kube_pod_status_phase{phase="Running"}) == 1)`;

/** Share (0–1) of each pod's DCGM units under `threshold` %, by (namespace, pod). */
export const idleShare = (threshold: number) =>
  `avg by (namespace, pod) ((${unitActivity('pod!=""')}) < bool ${threshold})`;

/**
 * The subquery's resolution: the chart's step, but at most 60 s or 1/1,440 of the window. Each
 * evaluation sees only pods alive at that instant, so a coarse step (an hour over 7 days) would
 * miss every pod shorter than it; 1,440 evaluations per query keep the cost bounded.
 */
export function idleHoursResolution(range: number, step: number): number {
  return Math.min(step, Math.max(60, Math.ceil(range / 1440)));
}

const hours = (expr: string, v: IdleHoursVars) => `sum_over_time((${expr})[${v.range}s:${v.step}s]) * ${v.step} / 3600`;

/** The per-pod queries: unit-hours allocated, measured by DCGM, and idle. */
export function idleHoursQueries(v: IdleHoursVars) {
  return {
    allocated: hours(allocatedUnits, v),
    measured: hours(`${allocatedUnits} and on (namespace, pod) ${idleShare(v.threshold)}`, v),
    idle: hours(`${allocatedUnits} * on (namespace, pod) ${idleShare(v.threshold)}`, v),
  };
}

/** The owners of the pods that requested GPUs in the window, and of their ReplicaSets. */
export function ownerQueries(range: number) {
  const gpuPods = `last_over_time(kube_pod_container_resource_requests{${gpuResource}}[${range}s])`;
  const podOwners = `max by (namespace, pod, owner_kind, owner_name) (last_over_time(kube_pod_owner[${range}s]) and on (namespace, pod) ${gpuPods})`;
  const rsOfPods = `label_replace(max by (namespace, owner_name) (last_over_time(kube_pod_owner{owner_kind="ReplicaSet"}[${range}s]) and on (namespace, pod) ${gpuPods}), "replicaset", "$1", "owner_name", "(.+)")`;
  return {
    pods: podOwners,
    replicaSets: `max by (namespace, replicaset, owner_kind, owner_name) (last_over_time(kube_replicaset_owner[${range}s]) and on (namespace, replicaset) ${rsOfPods})`,
  };
}

/** Who a row is: a namespace, or a workload in one (a bare pod is its own workload). */
export type IdleHoursScope = 'namespace' | 'workload';

export interface IdleHoursRow {
  scope: IdleHoursScope;
  namespace: string;
  /** Workload kind and name (absent on a namespace row). */
  kind?: string;
  name?: string;
  pods: number;
  allocatedHours: number;
  measuredHours: number;
  idleHours: number;
  /** idle / allocated, in % (0 when nothing was allocated). */
  idlePercent: number;
  /** Where the row leads: the workload's page, or the pods it stands for. */
  href: string;
}

/** The workload kinds with a page of their own (/workloads/<resource>/<namespace>/<name>). */
const WORKLOAD_PAGES: Record<string, string> = {
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
};

/** The page of a workload or of a bare pod, or the pods list narrowed to it. */
export function workloadHref(namespace: string, kind: string, name: string): string {
  const page = WORKLOAD_PAGES[kind];
  if (page) return `/workloads/${page}/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
  if (kind === 'Pod') return podHref({ namespace, name });
  const q = new URLSearchParams({ namespace, ...(kind === 'Job' ? { selector: `job-name=${name}` } : { q: name }) });
  return `/pods?${q}`;
}

const num = (s: PromSample) => {
  const v = Number(s.value[1]);
  return Number.isFinite(v) ? v : 0;
};
const key = (...parts: string[]) => parts.join('\u0000');
const NONE = '<none>';

/** Pods' unit-hours folded into namespace and workload rows, most idle GPU-hours first. */
export function shapeIdleHours(
  a: {
    allocated: PromSample[];
    measured: PromSample[];
    idle: PromSample[];
    pods: PromSample[];
    replicaSets: PromSample[];
  },
  maxRows = 200,
): { namespaces: IdleHoursRow[]; workloads: IdleHoursRow[]; truncated: boolean } {
  const rsOwner = new Map(
    a.replicaSets
      .filter((s) => s.metric.owner_kind && s.metric.owner_kind !== NONE)
      .map(
        (s) =>
          [
            key(s.metric.namespace ?? '', s.metric.replicaset ?? ''),
            [s.metric.owner_kind!, s.metric.owner_name ?? ''],
          ] as const,
      ),
  );
  const podOwner = new Map<string, readonly [string, string]>();
  for (const s of a.pods) {
    const m = s.metric;
    if (!m.owner_kind || m.owner_kind === NONE) continue;
    const rs = m.owner_kind === 'ReplicaSet' ? rsOwner.get(key(m.namespace ?? '', m.owner_name ?? '')) : undefined;
    podOwner.set(key(m.namespace ?? '', m.pod ?? ''), rs ?? [m.owner_kind, m.owner_name ?? '']);
  }
  const perPod = new Map<
    string,
    { namespace: string; pod: string; allocated: number; measured: number; idle: number }
  >();
  const add = (field: 'allocated' | 'measured' | 'idle', samples: PromSample[]) => {
    for (const s of samples) {
      const namespace = s.metric.namespace ?? '';
      const pod = s.metric.pod ?? '';
      const k = key(namespace, pod);
      const row = perPod.get(k) ?? { namespace, pod, allocated: 0, measured: 0, idle: 0 };
      row[field] += num(s);
      perPod.set(k, row);
    }
  };
  add('allocated', a.allocated);
  add('measured', a.measured);
  add('idle', a.idle);
  const rows = new Map<string, IdleHoursRow>();
  const fold = (
    scope: IdleHoursScope,
    namespace: string,
    p: { allocated: number; measured: number; idle: number },
    kind?: string,
    name?: string,
  ) => {
    const k = key(scope, namespace, kind ?? '', name ?? '');
    const href = kind && name ? workloadHref(namespace, kind, name) : `/pods?${new URLSearchParams({ namespace })}`;
    const r = rows.get(k) ?? {
      scope,
      namespace,
      ...(kind ? { kind, name } : {}),
      pods: 0,
      allocatedHours: 0,
      measuredHours: 0,
      idleHours: 0,
      idlePercent: 0,
      href,
    };
    r.pods += 1;
    r.allocatedHours += p.allocated;
    r.measuredHours += p.measured;
    r.idleHours += p.idle;
    rows.set(k, r);
  };
  for (const p of perPod.values()) {
    if (p.allocated <= 0) continue;
    const [kind, name] = podOwner.get(key(p.namespace, p.pod)) ?? ['Pod', p.pod];
    fold('namespace', p.namespace, p);
    fold('workload', p.namespace, p, kind, name);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const done = [...rows.values()]
    .map((r) => ({
      ...r,
      allocatedHours: round(r.allocatedHours),
      measuredHours: round(r.measuredHours),
      idleHours: round(r.idleHours),
      idlePercent: r.allocatedHours > 0 ? Math.round((1000 * r.idleHours) / r.allocatedHours) / 10 : 0,
    }))
    .sort(
      (x, y) =>
        y.idleHours - x.idleHours ||
        y.allocatedHours - x.allocatedHours ||
        x.namespace.localeCompare(y.namespace) ||
        (x.name ?? '').localeCompare(y.name ?? ''),
    );
  const namespaces = done.filter((r) => r.scope === 'namespace');
  const workloads = done.filter((r) => r.scope === 'workload');
  return {
    namespaces: namespaces.slice(0, maxRows),
    workloads: workloads.slice(0, maxRows),
    truncated: namespaces.length > maxRows || workloads.length > maxRows,
  };
}
