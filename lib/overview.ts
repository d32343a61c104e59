/**
 * The overview's summaries of the cached views: node readiness, GPU totals, Pending GPU pods,
 * recent warnings. Pure, so the numbers the operator reads are tested.
 */
import { sumGpus, type GpuAllocation } from './gpu';
import type { EventRow, NodeRow, PodRow } from './views';
import { isAuditEventKey } from './audit';

export interface NodeCounts {
  total: number;
  ready: number;
  notReady: number;
  /** Cordoned nodes (among all, whatever their readiness). */
  unschedulable: number;
}

/** Ready / not ready counts; a node whose Ready condition is unknown counts as not ready. */
export function nodeCounts(nodes: readonly NodeRow[]): NodeCounts {
  const ready = nodes.filter((n) => n.ready === true).length;
  return {
    total: nodes.length,
    ready,
    notReady: nodes.length - ready,
    unschedulable: nodes.filter((n) => n.unschedulable).length,
  };
}

/** Pods that want GPUs and are not placed yet (phase Pending, no node), oldest first. */
export function pendingGpuPods(pods: readonly PodRow[]): PodRow[] {
  return pods
    .filter((p) => p.phase === 'Pending' && !p.nodeName && !p.terminating && sumGpus(p.gpu) > 0)
    .sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? '') || a.key.localeCompare(b.key));
}

/** The newest Warning events, at most `limit`. */
export function recentWarnings(events: readonly EventRow[], limit = 10): EventRow[] {
  return (
    events
      // The panel's own audit records (a denied or failed action) belong on the Audit page.
      .filter((e) => e.type === 'Warning' && !isAuditEventKey(e.key))
      .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '') || a.key.localeCompare(b.key))
      .slice(0, limit)
  );
}

/** One allocation summed over every GPU resource, for headline numbers. */
export function sumAllocations(list: readonly GpuAllocation[]): Omit<GpuAllocation, 'resource'> {
  return list.reduce(
    (t, a) => ({
      capacity: t.capacity + a.capacity,
      allocatable: t.allocatable + a.allocatable,
      requested: t.requested + a.requested,
      free: t.free + a.free,
    }),
    { capacity: 0, allocatable: 0, requested: 0, free: 0 },
  );
}
