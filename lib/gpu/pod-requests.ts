/**
 * What a pod asks of GPUs: counts of GPU unit resources (whole, MIG, shared) and the claims it
 * references, with the scheduler's rule for effective requests (the one `podGpuRequests` in
 * lib/gpu.ts applies to `/gpu` names only).
 */
import { parseGpuQuantity } from '.';
import type { Container } from '../kube-types';
import type { GpuPod } from './dra-types';
import type { ClaimRef, PodRef } from './model-types';
import { isGpuUnitResource } from './resource-names';

export type Counts = Record<string, number>;

/** Adds one container's GPU units into `into` (extended resources: the request defaults to the limit). */
function addContainer(into: Counts | null, c: Pick<Container, 'resources'>, op: 'add' | 'max' = 'add'): Counts | null {
  const req = c.resources?.requests;
  const lim = c.resources?.limits;
  const put = (name: string, v: number) => {
    into ??= {};
    into[name] = op === 'add' ? (into[name] ?? 0) + v : Math.max(into[name] ?? 0, v);
  };
  for (const name in lim) if (isGpuUnitResource(name)) put(name, parseGpuQuantity(req?.[name] ?? lim[name]));
  for (const name in req) if (!(lim && name in lim) && isGpuUnitResource(name)) put(name, parseGpuQuantity(req[name]));
  return into;
}

const EMPTY: Readonly<Counts> = Object.freeze({});

/**
 * The effective GPU unit requests of a pod: max(app containers + sidecars, each init container
 * plus the sidecars started before it), plus overhead. Zero entries are dropped; a pod without
 * GPU units gets one shared, frozen empty object.
 */
export function podUnitRequests(pod: Pick<GpuPod, 'spec'>): Readonly<Counts> {
  const spec = pod.spec;
  let total: Counts | null = null;
  for (const c of spec.containers ?? []) total = addContainer(total, c);
  if (spec.initContainers?.length) {
    let sidecars: Counts = {};
    const initMax: Counts = {};
    for (const c of spec.initContainers) {
      if (c.restartPolicy === 'Always') {
        sidecars = addContainer(sidecars, c) ?? sidecars;
        for (const k in sidecars) initMax[k] = Math.max(initMax[k] ?? 0, sidecars[k]!);
      } else {
        const one = addContainer({ ...sidecars }, c) ?? {};
        for (const k in one) initMax[k] = Math.max(initMax[k] ?? 0, one[k]!);
      }
    }
    total ??= {};
    for (const k in sidecars) total[k] = (total[k] ?? 0) + sidecars[k]!;
    for (const k in initMax) total[k] = Math.max(total[k] ?? 0, initMax[k]!);
  }
  for (const k in spec.overhead) {
    if (!isGpuUnitResource(k)) continue;
    total ??= {};
    total[k] = (total[k] ?? 0) + parseGpuQuantity(spec.overhead[k]);
  }
  if (total) for (const k of Object.keys(total)) if (!total[k]) delete total[k];
  return total && Object.keys(total).length ? total : EMPTY;
}

/**
 * The ResourceClaims a pod uses, by their real names: `resourceClaimName`, or for a template the
 * generated name from `status.resourceClaimStatuses` (absent until the claim is created).
 */
export function podClaims(pod: GpuPod): ClaimRef[] {
  const namespace = pod.metadata.namespace ?? '';
  const out: ClaimRef[] = [];
  for (const rc of pod.spec.resourceClaims ?? []) {
    const name =
      rc.resourceClaimName ?? pod.status?.resourceClaimStatuses?.find((s) => s.name === rc.name)?.resourceClaimName;
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
  // lib/gpu.ts's podHoldsResources rule, without building an object per pod.
  const phase = pod.status?.phase;
  return Boolean(pod.spec.nodeName) && phase !== 'Succeeded' && phase !== 'Failed';
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
