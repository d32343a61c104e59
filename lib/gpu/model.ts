/**
 * The GPU model of a cluster: for every node its physical GPUs and the units on them (from the
 * device plugin's resources and labels, and from DRA ResourceSlices), who holds each unit (bound
 * pods' requests, claims' allocations), and the pods and claims still waiting. One pass over pods,
 * claims and slices, then one per node: fit for every page that shows GPUs, at every cluster size.
 */
import type { Node } from '../kube-types';
import { indexClaims } from './claims';
import { indexSlices } from './dra-devices';
import type { GpuPod, ResourceClaim, ResourceSlice } from './dra-types';
import type { ClaimRef, GpuClusterModel, Holder, NodeGpuModel, PendingGpuPod, PodGpuHolding } from './model-types';
import { nodeGpuModel, type Requests } from './node-model';
import {
  podClaims,
  podHoldsUnits,
  podIsPending,
  podRef,
  podUnitRequests,
  podWantsClaims,
  refKey,
  schedulingReason,
} from './pod-requests';

export interface GpuClusterInput {
  nodes: readonly Node[];
  pods: readonly GpuPod[];
  slices?: readonly ResourceSlice[];
  claims?: readonly ResourceClaim[];
}

const NO_CLAIMS: ClaimRef[] = [];

// Plain comparisons: this runs for every pod of every node, and localeCompare or a joined key would dominate.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byRef = (a: { holder: Holder }, b: { holder: Holder }) =>
  cmp(a.holder.pod?.namespace ?? '', b.holder.pod?.namespace ?? '') ||
  cmp(a.holder.pod?.name ?? '', b.holder.pod?.name ?? '');

/** The GPU model of every node, the waiting pods and claims, and what each pod holds. */
export function buildGpuCluster(input: GpuClusterInput): GpuClusterModel {
  const slices = indexSlices(input.slices ?? []);
  const users = new Map<string, GpuPod[]>();
  // The claims of pod i at index i: cheaper than a map keyed by pod objects.
  const claimsOf: (ClaimRef[] | undefined)[] = new Array(input.pods.length);
  for (let i = 0; i < input.pods.length; i++) {
    const p = input.pods[i]!;
    if (!podWantsClaims(p)) continue;
    const refs = podClaims(p);
    claimsOf[i] = refs;
    for (const r of refs) {
      const k = refKey(r);
      const list = users.get(k);
      if (list) list.push(p);
      else users.set(k, [p]);
    }
  }
  const claims = indexClaims(input.claims ?? [], slices.poolNodes, users);

  const requestsByNode = new Map<string, Requests>();
  const pendingPods: PendingGpuPod[] = [];
  const holdings = new Map<string, PodGpuHolding>();
  for (let i = 0; i < input.pods.length; i++) {
    const p = input.pods[i]!;
    const requests = podUnitRequests(p);
    const refs = claimsOf[i] ?? NO_CLAIMS;
    let hasUnits = false;
    for (const k in requests)
      if (requests[k]) {
        hasUnits = true;
        break;
      }
    if (!hasUnits && !podWantsClaims(p)) continue;
    const pod = podRef(p);
    if (podHoldsUnits(p)) {
      const node = p.spec.nodeName!;
      let reqs = requestsByNode.get(node);
      if (!reqs) requestsByNode.set(node, (reqs = new Map()));
      const holder: Holder = { pod, claim: null };
      for (const resource in requests) {
        const list = reqs.get(resource);
        const e = { holder, count: requests[resource]! };
        if (list) list.push(e);
        else reqs.set(resource, [e]);
      }
      holdings.set(refKey(pod), {
        pod,
        node,
        requests,
        claims: refs.map((claim) => ({
          claim,
          devices: (claims.infos.get(refKey(claim))?.devices ?? []).map(({ driver, pool, device }) => ({
            driver,
            pool,
            device,
          })),
        })),
      });
    } else if (podIsPending(p)) {
      pendingPods.push({
        pod,
        requests,
        claims: [...refs],
        reason: schedulingReason(p),
        createdAt: p.metadata.creationTimestamp ?? null,
      });
    }
  }

  const nodes: NodeGpuModel[] = [];
  for (const n of input.nodes) {
    const name = n.metadata.name;
    const requests = requestsByNode.get(name) ?? new Map();
    for (const list of requests.values()) list.sort(byRef);
    nodes.push(
      nodeGpuModel({
        node: n,
        requests,
        devices: slices.byNode.get(name) ?? [],
        slices: slices.slicesByNode.get(name) ?? [],
        claims: claims.objectsByNode.get(name) ?? [],
        claimRefs: claims.byNode.get(name) ?? [],
        held: claims.held,
        sliceWarnings: slices.warnings.get(name) ?? [],
      }),
    );
  }
  pendingPods.sort(
    (a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || refKey(a.pod).localeCompare(refKey(b.pod)),
  );
  const infos = [...claims.infos.values()].sort((a, b) => refKey(a.claim).localeCompare(refKey(b.claim)));
  return {
    nodes,
    pendingPods,
    holdings,
    unreservedClaims: infos.filter((c) => c.state === 'unreserved'),
    pendingClaims: infos.filter((c) => c.state === 'pending'),
  };
}

/** The model of one node (node detail): the cluster model restricted to it. */
export function buildNodeGpuModel(
  node: Node,
  pods: readonly GpuPod[],
  slices: readonly ResourceSlice[] = [],
  claims: readonly ResourceClaim[] = [],
): NodeGpuModel {
  const name = node.metadata.name;
  const mine = pods.filter((p) => p.spec.nodeName === name);
  return buildGpuCluster({ nodes: [node], pods: mine, slices: slices.filter((s) => s.spec.nodeName === name), claims })
    .nodes[0]!;
}
