import { describe, expect, it } from 'vitest';
import { allocationByNode, totalAllocation } from './gpu';
import { nodeCounts, pendingGpuPods, recentWarnings, sumAllocations } from './overview';
import { eventRow, nodeRow, podRow } from '../test/builders/rows';

describe('nodeCounts', () => {
  it('counts unknown readiness as not ready', () => {
    const c = nodeCounts([
      nodeRow({ name: 'a' }),
      nodeRow({ name: 'b', ready: false }),
      nodeRow({ name: 'c', ready: null, unschedulable: true }),
    ]);
    expect(c).toEqual({ total: 3, ready: 1, notReady: 2, unschedulable: 1 });
  });
});

describe('pendingGpuPods', () => {
  it('keeps unplaced pending pods that request GPUs, oldest first', () => {
    const pods = [
      podRow({
        name: 'late',
        phase: 'Pending',
        status: 'Pending',
        nodeName: null,
        gpu: { 'nvidia.com/gpu': 1 },
        createdAt: '2026-01-02T00:00:00Z',
      }),
      podRow({
        name: 'early',
        phase: 'Pending',
        status: 'Pending',
        nodeName: null,
        gpu: { 'nvidia.com/gpu': 8 },
        createdAt: '2026-01-01T00:00:00Z',
        schedulingMessage: '0/5 nodes are available: 3 Insufficient nvidia.com/gpu.',
      }),
      podRow({ name: 'cpu-only', phase: 'Pending', status: 'Pending', nodeName: null }),
      podRow({ name: 'bound', phase: 'Pending', status: 'ContainerCreating', gpu: { 'nvidia.com/gpu': 1 } }),
      podRow({ name: 'running', gpu: { 'nvidia.com/gpu': 1 } }),
    ];
    expect(pendingGpuPods(pods).map((p) => p.name)).toEqual(['early', 'late']);
  });
});

describe("recentWarnings leaves out the panel's audit records", () => {
  it('shows cluster warnings only', () => {
    const ev = (key: string) => ({
      key,
      namespace: key.split('/')[0]!,
      type: 'Warning',
      reason: 'X',
      message: '',
      involved: { kind: 'Pod', name: 'p', namespace: 'n' },
      count: 1,
      firstSeen: '2026-01-01T00:00:00Z',
      lastSeen: '2026-01-01T00:00:00Z',
      source: '',
    });
    expect(recentWarnings([ev('imagepod/imagepod-audit-x1'), ev('imagepod/postgres-0.181')]).map((e) => e.key)).toEqual(
      ['imagepod/postgres-0.181'],
    );
  });
});

describe('recentWarnings', () => {
  it('keeps warnings newest first up to the limit', () => {
    const events = [
      eventRow({ name: 'a', type: 'Warning', lastSeen: '2026-01-01T00:00:01Z' }),
      eventRow({ name: 'b', type: 'Normal', lastSeen: '2026-01-01T00:00:09Z' }),
      eventRow({ name: 'c', type: 'Warning', lastSeen: '2026-01-01T00:00:05Z' }),
      eventRow({ name: 'd', type: 'Warning', lastSeen: null }),
    ];
    expect(recentWarnings(events).map((e) => e.key)).toEqual(['default/c', 'default/a', 'default/d']);
    expect(recentWarnings(events, 1).map((e) => e.key)).toEqual(['default/c']);
  });
});

describe('sumAllocations', () => {
  it('adds the totals of every GPU resource, with requests from bound, unfinished pods only', () => {
    const nodes = [
      nodeRow({ name: 'g1', gpuCapacity: { 'nvidia.com/gpu': 4 }, gpuAllocatable: { 'nvidia.com/gpu': 4 } }),
      nodeRow({ name: 'g2', gpuCapacity: { 'amd.com/gpu': 2 }, gpuAllocatable: { 'amd.com/gpu': 2 } }),
    ];
    const pods = [
      podRow({ name: 'p1', nodeName: 'g1', gpu: { 'nvidia.com/gpu': 3 } }),
      podRow({ name: 'p2', nodeName: 'g2', gpu: { 'amd.com/gpu': 1 } }),
      podRow({ name: 'done', nodeName: 'g1', phase: 'Succeeded', gpu: { 'nvidia.com/gpu': 1 } }),
    ];
    const totals = totalAllocation(allocationByNode(nodes, pods));
    expect(sumAllocations(totals)).toEqual({ capacity: 6, allocatable: 6, requested: 4, free: 2 });
    expect(sumAllocations([])).toEqual({ capacity: 0, allocatable: 0, requested: 0, free: 0 });
  });
});
