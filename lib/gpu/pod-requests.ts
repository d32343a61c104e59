/**
 * What a pod asks of GPUs: counts of GPU unit resources (whole, MIG, shared) and the claims it
 * references, with the scheduler's rule for effective requests (the one `podGpuRequests` in
 * lib/gpu.ts applies to `/gpu` names only).
 */
import { parseGpuQuantity, podHoldsResources } from '../gpu';
import type { Container } from '../kube-types';
import type { GpuPod } from './dra-types';
import type { ClaimRef, PodRef } from './model-types';
import { isGpuUnitResource } from './resource-names';

export type Counts = Record<string, number>;

function containerUnits(c: Pick<Container, 'resources'>): Counts {
  const out: Counts = {};
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  // Extended resources cannot be overcommitted: the request defaults to the limit.
  for (const name of Object.keys(lim)) if (isGpuUnitResource(name)) out[name] = parseGpuQuantity(req[name] ?? lim[name]);
  for (const name of Object.keys(req)) if (isGpuUnitResource(name) && !(name in out)) out[name] = parseGpuQuantity(req[name]);
  return out;
}

const add = (a: Counts, b: Counts): Counts => {
  const out = { ...a };
  for (const k in b) out[k] = (out[k] ?? 0) + b[k]!;
  return out;
};
const max = (a: Counts, b: Counts): Counts => {
  const out = { ...a };
  for (const k in b) out[k] = Math.max(out[k] ?? 0, b[k]!);
  return out;
};

/**
 * The effective GPU unit requests of a pod: max(app containers + sidecars, each init container
 * plus the sidecars started before it), plus overhead. Zero entries are dropped.
 */
export function podUnitRequests(pod: Pick<GpuPod, 'spec'>): Counts {
  const spec = pod.spec;
  let apps: Counts = {};
  for (const c of spec.containers ?? []) apps = add(apps, containerUnits(c));
  let sidecars: Counts = {};
  let initMax: Counts = {};
  for (const c of spec.initContainers ?? []) {
    const u = containerUnits(c);
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, u);
      initMax = max(initMax, sidecars);
    } else initMax = max(initMax, add(u, sidecars));
  }
  const total = max(add(apps, sidecars), initMax);
  for (const [k, v] of Object.entries(spec.overhead ?? {})) if (isGpuUnitResource(k)) total[k] = (total[k] ?? 0) + parseGpuQuantity(v);
  for (const k of Object.keys(total)) if (!total[k]) delete total[k];
  return total;
}

/**
 * The ResourceClaims a pod uses, by their real names: `resourceClaimName`, or for a template the
 * generated name from `status.resourceClaimStatuses` (absent until the claim is created).
 */
export function podClaims(pod: GpuPod): ClaimRef[] {
  const namespace = pod.metadata.namespace ?? '';
  const out: ClaimRef[] = [];
  for (const rc of pod.spec.resourceClaims ?? []) {
    const name = rc.resourceClaimName ?? pod.status?.resourceClaimStatuses?.find((s) => s.name === rc.name)?.resourceClaimName;
    if (name) out.push({ namespace, name });
  }
  return out;
}

/** True when the pod references claims at all (generated ones may not exist yet). */
export function podWantsClaims(pod: GpuPod): boolean {
  return (pod.spec.resourceClaims?.length ?? 0) > 0;
}

/** Bound to a node and not finished: the pods that hold units. */
export function podHoldsUnits(pod: GpuPod): boolean {
  return podHoldsResources({ nodeName: pod.spec.nodeName, phase: pod.status?.phase });
}

/** Not placed yet and not going away: the pods the scheduler still has to place. */
export function podIsPending(pod: GpuPod): boolean {
  return !pod.spec.nodeName && (pod.status?.phase ?? 'Pending') === 'Pending' && !pod.metadata.deletionTimestamp;
}

/** The scheduler's message when the pod cannot be placed (PodScheduled=False), else null. */
export function schedulingReason(pod: GpuPod): string | null {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  return c ? (c.message ?? c.reason ?? 'Unschedulable') : null;
}

export const podRef = (pod: GpuPod): PodRef => ({ namespace: pod.metadata.namespace ?? '', name: pod.metadata.name });
export const refKey = (r: PodRef | ClaimRef): string => `${r.namespace}/${r.name}`;
