import 'server-only';
import type { KubeObj } from '../../deploy/transform';
import { isWorkloadKind } from '../../kube-resources';
import type { EventRow, WorkloadRow } from '../../views';
import { getClusterCache } from '../kube/cluster-cache';

export interface GateResult {
  ready: boolean;
  message: string;
}

/**
 * Readiness of one applied object, from the watch cache (no extra requests to the API server).
 * The object is the one applied (`uid`), not an older one of the same name the cache still holds:
 * after an undeploy and a deploy, the deleted Deployment's ready status fools a gate that compares
 * generations only (both start at 1).
 */
export function gate(o: KubeObj, applied: { generation: number; uid: string }): GateResult {
  if (!isWorkloadKind(o.kind)) return { ready: true, message: 'applied' };
  const row = getClusterCache().views.workloads.get(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`) as
    WorkloadRow | undefined;
  const { generation, uid } = applied;
  if (!row || (uid && row.uid !== uid))
    return { ready: false, message: 'waiting for the watch cache to see the new object' };
  if (row.generation < generation) return { ready: false, message: 'waiting for the watch cache to see the new spec' };
  if (row.observedGeneration < generation)
    return { ready: false, message: 'waiting for the controller to observe the new spec' };
  if (o.kind === 'DaemonSet' && row.desired === 0) {
    return {
      ready: true,
      message: `ready, 0 nodes selected — label GPU nodes ${Object.entries(row.nodeSelector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')} to run it`,
    };
  }
  if (row.rollout.state === 'complete') return { ready: true, message: `${row.ready}/${row.desired} ready` };
  return { ready: false, message: `${row.rollout.message} (${row.ready}/${row.desired} ready)` };
}

/**
 * The newest events about an object and what it owns (its pods `<name>-…`, a StatefulSet's claims
 * `<template>-<name>-<n>`), warnings first, to show why it is stuck.
 */
export function latestEvents(o: KubeObj, n = 3): string[] {
  const name = o.metadata.name;
  const rows = getClusterCache().views.events.list(
    (e: EventRow) =>
      e.namespace === (o.metadata.namespace ?? e.namespace) &&
      (e.involved.name === name || e.involved.name.startsWith(`${name}-`) || e.involved.name.includes(`-${name}-`)),
  ).items;
  return rows
    .sort(
      (a, b) =>
        Number(b.type === 'Warning') - Number(a.type === 'Warning') ||
        (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
    )
    .slice(0, n)
    .map((e) => `${e.type} ${e.reason} (${e.involved.kind}/${e.involved.name}): ${e.message}`);
}
