/**
 * Row builders for unit tests of pure UI helpers: a complete row with sensible defaults, so each
 * test states only what it is about.
 */
import type { EventRow, NodeRow, PodRow, WorkloadRow } from '../../lib/views';

/** A running, ready pod in `default` unless overridden. */
export function podRow(p: Partial<PodRow> & { name: string }): PodRow {
  const namespace = p.namespace ?? 'default';
  return {
    key: `${namespace}/${p.name}`,
    namespace,
    uid: `uid-${namespace}-${p.name}`,
    phase: 'Running',
    status: 'Running',
    readyContainers: 1,
    totalContainers: 1,
    restarts: 0,
    nodeName: 'node-1',
    gpu: {},
    gpuUnits: {},
    resourceClaims: [],
    resourceClaimStatuses: [],
    labels: {},
    owner: null,
    createdAt: '2026-01-01T00:00:00Z',
    images: ['busybox'],
    containers: ['main'],
    podIP: null,
    schedulingMessage: null,
    terminating: false,
    ...p,
  };
}

/** A Ready node without GPUs unless overridden. */
export function nodeRow(n: Partial<NodeRow> & { name: string }): NodeRow {
  return {
    key: n.name,
    uid: `uid-${n.name}`,
    ready: true,
    status: 'Ready',
    unschedulable: false,
    roles: [],
    labels: {},
    taints: [],
    cpuAllocatable: '16',
    memoryAllocatable: '64Gi',
    podsAllocatable: '110',
    gpuCapacity: {},
    gpuAllocatable: {},
    gpuUnitCapacity: {},
    gpuUnitAllocatable: {},
    gpuProduct: null,
    gpuMemoryMiB: null,
    conditions: [],
    kubeletVersion: null,
    createdAt: '2026-01-01T00:00:00Z',
    ...n,
  };
}

/** A fully rolled out Deployment with one replica unless overridden. */
export function workloadRow(w: Partial<WorkloadRow> & { name: string }): WorkloadRow {
  const kind = w.kind ?? 'Deployment';
  const namespace = w.namespace ?? 'default';
  return {
    key: `${kind}/${namespace}/${w.name}`,
    kind,
    namespace,
    uid: `uid-${w.name}`,
    desired: 1,
    ready: 1,
    updated: 1,
    available: 1,
    images: ['busybox'],
    selector: {},
    labels: {},
    gpuPerPod: {},
    nodeSelector: {},
    rollout: { state: 'complete', message: 'Successfully rolled out' },
    paused: false,
    generation: 1,
    observedGeneration: 1,
    createdAt: '2026-01-01T00:00:00Z',
    ...w,
  };
}

/** A Normal event in `default` unless overridden. */
export function eventRow(e: Partial<EventRow> & { name: string }): EventRow {
  const namespace = e.namespace ?? 'default';
  return {
    key: `${namespace}/${e.name}`,
    namespace,
    type: 'Normal',
    reason: 'Scheduled',
    message: '',
    involved: { kind: 'Pod', name: 'p', namespace },
    count: 1,
    firstSeen: '2026-01-01T00:00:00Z',
    lastSeen: '2026-01-01T00:00:00Z',
    source: 'scheduler',
    ...e,
  };
}
