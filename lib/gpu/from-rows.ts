/**
 * The one adapter from the browser's view rows (lib/views.ts, lib/dra-rows.ts) to the GPU model's
 * inputs. Each row is turned into the object shape the model reads once: the result is kept in a
 * WeakMap keyed by the row, and the live stream replaces a row only when it changes, so the
 * model's own memoisation on object identity (node sides, slice parsing, per-node models) holds
 * across rebuilds in the browser exactly as it does on the server's cached objects.
 */
import type { DeviceClassRow, ResourceClaimRow, ResourceSliceRow } from '../dra-rows';
import type { Node, Pod } from '../kube-types';
import type { NodeRow, PodRow } from '../views';
import type { DeviceClass, GpuPod, ResourceClaim, ResourceSlice } from './dra-types';
import type { GpuClusterInput } from './model';

function memoised<R extends object, T>(build: (row: R) => T): (row: R) => T {
  const memo = new WeakMap<R, T>();
  return (row) => {
    let out = memo.get(row);
    if (out === undefined) memo.set(row, (out = build(row)));
    return out;
  };
}

const PHASES = new Set(['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']);
type Phase = NonNullable<NonNullable<Pod['status']>['phase']>;
const isPhase = (p: string): p is Phase => PHASES.has(p);
/** The row keeps only that a deletion was requested, not when: any timestamp says "being deleted". */
const DELETING = '1970-01-01T00:00:00Z';

/** A NodeRow as a Node: labels, taints, cordon, conditions and its GPU unit resources. */
export const nodeFromRow = memoised((r: NodeRow): Node => ({
  metadata: { name: r.name, uid: r.uid, labels: r.labels, ...(r.createdAt ? { creationTimestamp: r.createdAt } : {}) },
  spec: { unschedulable: r.unschedulable, taints: r.taints },
  status: {
    capacity: r.gpuUnitCapacity,
    allocatable: r.gpuUnitAllocatable,
    conditions: r.conditions,
  },
}));

/**
 * A PodRow as a GpuPod: its effective GPU unit requests become one container's requests (the
 * model's `podUnitRequests` reads them back unchanged), plus node, phase, the scheduler's
 * message and the claim references.
 */
export const podFromRow = memoised((r: PodRow): GpuPod => {
  const requests: Record<string, string> = {};
  for (const k in r.gpuUnits) requests[k] = String(r.gpuUnits[k]);
  return {
    metadata: {
      name: r.name,
      namespace: r.namespace,
      uid: r.uid,
      ...(r.createdAt ? { creationTimestamp: r.createdAt } : {}),
      ...(r.terminating ? { deletionTimestamp: DELETING } : {}),
    },
    spec: {
      ...(r.nodeName ? { nodeName: r.nodeName } : {}),
      containers: [{ name: 'gpu-units', resources: { requests } }],
      resourceClaims: r.resourceClaims,
    },
    status: {
      phase: isPhase(r.phase) ? r.phase : 'Unknown',
      conditions: r.schedulingMessage ? [{ type: 'PodScheduled', status: 'False', message: r.schedulingMessage }] : [],
      resourceClaimStatuses: r.resourceClaimStatuses,
    },
  };
});

export const sliceFromRow = memoised((r: ResourceSliceRow): ResourceSlice => ({
  metadata: { name: r.name, uid: r.uid },
  spec: {
    driver: r.driver,
    pool: r.pool,
    devices: r.devices,
    ...(r.nodeName ? { nodeName: r.nodeName } : {}),
    ...(r.allNodes ? { allNodes: true } : {}),
  },
}));

export const claimFromRow = memoised((r: ResourceClaimRow): ResourceClaim => ({
  metadata: {
    name: r.name,
    namespace: r.namespace,
    uid: r.uid,
    ...(r.createdAt ? { creationTimestamp: r.createdAt } : {}),
    ...(r.deleting ? { deletionTimestamp: DELETING } : {}),
  },
  spec: { devices: { requests: r.requests } },
  status: {
    ...(r.allocation ? { allocation: { devices: { results: r.allocation.results } } } : {}),
    reservedFor: r.reservedFor,
  },
}));

export const deviceClassFromRow = memoised((r: DeviceClassRow): DeviceClass => ({
  metadata: { name: r.name, uid: r.uid },
  spec: { selectors: r.selectors, ...(r.extendedResourceName ? { extendedResourceName: r.extendedResourceName } : {}) },
}));

export interface GpuRows {
  nodes: readonly NodeRow[];
  pods: readonly PodRow[];
  slices?: readonly ResourceSliceRow[];
  claims?: readonly ResourceClaimRow[];
}

/** The model's input from whole views; pods without GPU units or claims are left out (they hold nothing). */
export function gpuInputFromRows(rows: GpuRows): GpuClusterInput {
  const pods: GpuPod[] = [];
  for (const p of rows.pods) {
    let units = false;
    for (const k in p.gpuUnits)
      if (p.gpuUnits[k]) {
        units = true;
        break;
      }
    if (units || p.resourceClaims.length) pods.push(podFromRow(p));
  }
  return {
    nodes: rows.nodes.map(nodeFromRow),
    pods,
    slices: (rows.slices ?? []).map(sliceFromRow),
    claims: (rows.claims ?? []).map(claimFromRow),
  };
}
