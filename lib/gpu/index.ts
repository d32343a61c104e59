/**
 * Whole-GPU arithmetic as the scheduler counts it: a GPU is any extended resource whose name ends
 * in `/gpu`. The panel's first GPU rule, kept (folded into this folder) for the callers that count
 * `/gpu` resources only: workload GPUs per pod, the label form's node picker, the node route's
 * allocation, and the table shape `GpuAllocation` the model's summaries fill (./allocation.ts).
 * Pages that show a node's or the cluster's GPUs read the model (./model.ts) instead.
 * Pure: shared by the server (views) and the browser.
 */
import type { Container, Pod, ResourceList } from '../kube-types';

export type GpuCounts = Record<string, number>;

/** True for extended resources the panel treats as GPUs. */
export function isGpuResource(name: string): boolean {
  return name.includes('/') && name.endsWith('/gpu');
}

/** Extended resources are whole numbers; anything unparsable counts as 0 rather than NaN. */
export function parseGpuQuantity(q: string | undefined): number {
  if (q === undefined) return 0;
  const n = Number(q.trim());
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
}

/** GPU requests of one container; extended resources default their request to the limit. */
export function containerGpus(c: Pick<Container, 'resources'>): GpuCounts {
  const out: GpuCounts = {};
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  for (const name of new Set([...Object.keys(req), ...Object.keys(lim)])) {
    if (!isGpuResource(name)) continue;
    const v = parseGpuQuantity(req[name] ?? lim[name]);
    if (v > 0) out[name] = v;
  }
  return out;
}

function add(a: GpuCounts, b: GpuCounts): GpuCounts {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function max(a: GpuCounts, b: GpuCounts): GpuCounts {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

/**
 * The effective GPU request of a pod: max(sum of app containers + sidecars, for each init
 * container its request plus the sidecars started before it), plus pod overhead — the rule of
 * the scheduler's resource helpers, including restartable (sidecar) init containers.
 */
export function podGpuRequests(pod: Pick<Pod, 'spec'>): GpuCounts {
  const spec = pod.spec;
  let apps: GpuCounts = {};
  for (const c of spec.containers ?? []) apps = add(apps, containerGpus(c));
  let sidecars: GpuCounts = {};
  let initMax: GpuCounts = {};
  for (const c of spec.initContainers ?? []) {
    const g = containerGpus(c);
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, g);
      initMax = max(initMax, sidecars);
    } else {
      initMax = max(initMax, add(g, sidecars));
    }
  }
  let total = max(add(apps, sidecars), initMax);
  const overhead: GpuCounts = {};
  for (const [k, v] of Object.entries(spec.overhead ?? {})) if (isGpuResource(k)) overhead[k] = parseGpuQuantity(v);
  total = add(total, overhead);
  for (const k of Object.keys(total)) if (total[k] === 0) delete total[k];
  return total;
}

/** Pods that hold node resources: bound to a node and not finished. */
export function podHoldsResources(pod: { nodeName?: string | null; phase?: string }): boolean {
  return Boolean(pod.nodeName) && pod.phase !== 'Succeeded' && pod.phase !== 'Failed';
}

/** The GPU entries of a capacity or allocatable list. */
export function gpuResources(list: ResourceList | undefined): GpuCounts {
  const out: GpuCounts = {};
  for (const [k, v] of Object.entries(list ?? {})) if (isGpuResource(k)) out[k] = parseGpuQuantity(v);
  return out;
}

export interface GpuAllocation {
  resource: string;
  capacity: number;
  allocatable: number;
  requested: number;
  /** allocatable - requested; negative only when the node lost GPUs under running pods. */
  free: number;
}

/** Minimal pod shape the allocation needs, so both raw pods and PodRows fit. */
export interface GpuHolder {
  nodeName?: string | null;
  phase?: string;
  gpu: GpuCounts;
}

/** Per-node, per-resource allocation from node capacity and the pods bound to each node. */
export function allocationByNode(
  nodes: { name: string; gpuCapacity: GpuCounts; gpuAllocatable: GpuCounts }[],
  pods: Iterable<GpuHolder>,
): Map<string, GpuAllocation[]> {
  const requested = new Map<string, GpuCounts>();
  for (const p of pods) {
    if (!podHoldsResources(p) || !p.nodeName) continue;
    requested.set(p.nodeName, add(requested.get(p.nodeName) ?? {}, p.gpu));
  }
  const out = new Map<string, GpuAllocation[]>();
  for (const n of nodes) {
    const req = requested.get(n.name) ?? {};
    const names = new Set([...Object.keys(n.gpuCapacity), ...Object.keys(n.gpuAllocatable), ...Object.keys(req)]);
    out.set(
      n.name,
      [...names].sort().map((resource) => {
        const allocatable = n.gpuAllocatable[resource] ?? 0;
        const r = req[resource] ?? 0;
        return { resource, capacity: n.gpuCapacity[resource] ?? 0, allocatable, requested: r, free: allocatable - r };
      }),
    );
  }
  return out;
}

/** Cluster totals per GPU resource, summed over nodes. */
export function totalAllocation(byNode: Map<string, GpuAllocation[]>): GpuAllocation[] {
  const t = new Map<string, GpuAllocation>();
  for (const list of byNode.values()) {
    for (const a of list) {
      const cur = t.get(a.resource) ?? { resource: a.resource, capacity: 0, allocatable: 0, requested: 0, free: 0 };
      cur.capacity += a.capacity;
      cur.allocatable += a.allocatable;
      cur.requested += a.requested;
      cur.free += a.free;
      t.set(a.resource, cur);
    }
  }
  return [...t.values()].sort((a, b) => a.resource.localeCompare(b.resource));
}

/** Sum of all GPU resources in a count map (for one-number displays). */
export function sumGpus(c: GpuCounts): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}
