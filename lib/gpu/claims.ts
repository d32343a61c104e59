/**
 * ResourceClaims as holders of devices: each result of `status.allocation.devices.results` holds
 * its (driver, pool, device) for the claim and for the pods of `status.reservedFor`. Claims that are
 * allocated but reserved for no pod, and claims not allocated yet, are listed with a reason.
 */
import type { GpuPod, ResourceClaim } from './dra-types';
import type { ClaimInfo, ClaimRef, Holder, PodRef } from './model-types';
import { podRef, refKey, schedulingReason } from './pod-requests';

export interface ClaimIndex {
  /** `driver/pool/device` → who holds it. Admin-access results hold nothing. */
  held: Map<string, Holder[]>;
  infos: Map<string, ClaimInfo>;
  /** Node → claims whose devices are on it. */
  byNode: Map<string, ClaimRef[]>;
  /** Node → the same claims as objects (what a node's model depends on). */
  objectsByNode: Map<string, ResourceClaim[]>;
}

function reason(claim: ResourceClaim, state: ClaimInfo['state'], users: readonly GpuPod[]): string | null {
  if (state === 'reserved') return null;
  const deleting = claim.metadata.deletionTimestamp ? ' (being deleted)' : '';
  if (state === 'unreserved') {
    const done = users.filter((p) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed');
    const why = done.length ? `its pod ${refKey(podRef(done[0]!))} has finished` : 'no pod uses it';
    return `allocated but reserved for no pod: ${why}; its devices count as taken until the claim is deallocated${deleting}`;
  }
  for (const p of users) {
    const msg = schedulingReason(p);
    if (msg) return `pod ${refKey(podRef(p))} cannot be scheduled: ${msg}${deleting}`;
  }
  if (users.length) return `waiting for the scheduler to place pod ${refKey(podRef(users[0]!))}${deleting}`;
  return `not allocated: no pod uses this claim, and the scheduler allocates a claim only when it places a pod that uses it${deleting}`;
}

/**
 * Indexes claims against the published pools (`driver/pool` → node). `users` maps `namespace/name` of a claim to the
 * pods that reference it (for the reasons of unreserved and pending claims).
 */
export function indexClaims(
  claims: Iterable<ResourceClaim>,
  poolNodes: ReadonlyMap<string, string>,
  users: ReadonlyMap<string, GpuPod[]>,
): ClaimIndex {
  const idx: ClaimIndex = { held: new Map(), infos: new Map(), byNode: new Map(), objectsByNode: new Map() };
  for (const c of claims) {
    const ref: ClaimRef = { namespace: c.metadata.namespace ?? '', name: c.metadata.name };
    const key = refKey(ref);
    const results = c.status?.allocation?.devices?.results ?? [];
    const reserved: PodRef[] = (c.status?.reservedFor ?? [])
      .filter((r) => r.resource === 'pods' && !r.apiGroup)
      .map((r) => ({ namespace: ref.namespace, name: r.name }));
    const state: ClaimInfo['state'] = !c.status?.allocation ? 'pending' : reserved.length ? 'reserved' : 'unreserved';
    const holders: Holder[] = reserved.length
      ? reserved.map((pod) => ({ pod, claim: ref }))
      : [{ pod: null, claim: ref }];
    let node: string | null = null;
    for (const r of results) {
      const dk = `${r.driver}/${r.pool}/${r.device}`;
      node ??= poolNodes.get(`${r.driver}/${r.pool}`) ?? null;
      if (r.adminAccess) continue;
      const list = idx.held.get(dk);
      if (list) list.push(...holders);
      else idx.held.set(dk, [...holders]);
    }
    const using = users.get(key) ?? [];
    if (node) {
      const list = idx.byNode.get(node);
      if (list) list.push(ref);
      else idx.byNode.set(node, [ref]);
      const objs = idx.objectsByNode.get(node);
      if (objs) objs.push(c);
      else idx.objectsByNode.set(node, [c]);
    }
    idx.infos.set(key, {
      claim: ref,
      state,
      node,
      devices: results.map((r) => ({ driver: r.driver, pool: r.pool, device: r.device, request: r.request })),
      pods: state === 'reserved' ? reserved : using.map(podRef),
      reason: reason(c, state, using),
    });
  }
  return idx;
}
