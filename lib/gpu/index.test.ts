import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocationByNode,
  containerGpus,
  isGpuResource,
  podGpuRequests,
  podHoldsResources,
  totalAllocation,
  type GpuCounts,
} from '.';
import type { Container, PodSpec } from '../kube-types';

const c = (name: string, req: Record<string, string> = {}, lim: Record<string, string> = {}): Container => ({
  name,
  resources: { requests: req, limits: lim },
});

describe('isGpuResource', () => {
  it('accepts vendor/gpu names only', () => {
    expect(isGpuResource('nvidia.com/gpu')).toBe(true);
    expect(isGpuResource('amd.com/gpu')).toBe(true);
    expect(isGpuResource('gpu')).toBe(false);
    expect(isGpuResource('nvidia.com/mig-1g.5gb')).toBe(false);
    expect(isGpuResource('cpu')).toBe(false);
  });
});

describe('containerGpus', () => {
  it('takes the request, defaulting to the limit as the API server does for extended resources', () => {
    expect(containerGpus(c('a', {}, { 'nvidia.com/gpu': '2' }))).toEqual({ 'nvidia.com/gpu': 2 });
    expect(containerGpus(c('a', { 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' }))).toEqual({
      'nvidia.com/gpu': 1,
    });
    expect(containerGpus(c('a', { cpu: '2', memory: '1Gi' }))).toEqual({});
  });
});

describe('podGpuRequests', () => {
  it('sums app containers over several extended resources', () => {
    const spec: PodSpec = {
      containers: [c('a', { 'nvidia.com/gpu': '2' }), c('b', { 'nvidia.com/gpu': '1', 'amd.com/gpu': '1' })],
    };
    expect(podGpuRequests({ spec })).toEqual({ 'nvidia.com/gpu': 3, 'amd.com/gpu': 1 });
  });

  it('takes max(sum of app containers, max of init containers)', () => {
    const spec: PodSpec = {
      initContainers: [c('i1', { 'nvidia.com/gpu': '4' }), c('i2', { 'nvidia.com/gpu': '1' })],
      containers: [c('a', { 'nvidia.com/gpu': '1' }), c('b', { 'nvidia.com/gpu': '1' })],
    };
    expect(podGpuRequests({ spec })).toEqual({ 'nvidia.com/gpu': 4 });
    const spec2: PodSpec = {
      initContainers: [c('i', { 'nvidia.com/gpu': '1' })],
      containers: [c('a', { 'nvidia.com/gpu': '3' })],
    };
    expect(podGpuRequests({ spec: spec2 })).toEqual({ 'nvidia.com/gpu': 3 });
  });

  it('adds restartable init containers (sidecars) to the app sum and to later init containers', () => {
    const spec: PodSpec = {
      initContainers: [
        { ...c('sidecar', { 'nvidia.com/gpu': '1' }), restartPolicy: 'Always' },
        c('init', { 'nvidia.com/gpu': '2' }),
      ],
      containers: [c('a', { 'nvidia.com/gpu': '1' })],
    };
    // app + sidecar = 2; init after sidecar = 2 + 1 = 3
    expect(podGpuRequests({ spec })).toEqual({ 'nvidia.com/gpu': 3 });
  });

  it('returns nothing for a CPU-only pod', () => {
    expect(podGpuRequests({ spec: { containers: [c('a', { cpu: '1' })] } })).toEqual({});
  });
});

describe('podHoldsResources', () => {
  it('counts bound, unfinished pods only', () => {
    expect(podHoldsResources({ nodeName: 'n', phase: 'Running' })).toBe(true);
    expect(podHoldsResources({ nodeName: 'n', phase: 'Pending' })).toBe(true);
    expect(podHoldsResources({ nodeName: 'n', phase: 'Succeeded' })).toBe(false);
    expect(podHoldsResources({ nodeName: 'n', phase: 'Failed' })).toBe(false);
    expect(podHoldsResources({ nodeName: null, phase: 'Pending' })).toBe(false);
  });
});

describe('allocationByNode', () => {
  const nodes: { name: string; gpuCapacity: GpuCounts; gpuAllocatable: GpuCounts }[] = [
    { name: 'g1', gpuCapacity: { 'nvidia.com/gpu': 8 }, gpuAllocatable: { 'nvidia.com/gpu': 8 } },
    { name: 'g2', gpuCapacity: { 'nvidia.com/gpu': 4 }, gpuAllocatable: { 'nvidia.com/gpu': 3 } },
    { name: 'cpu', gpuCapacity: {}, gpuAllocatable: {} },
  ];
  it('sums requests of pods holding resources per node', () => {
    const pods = [
      { nodeName: 'g1', phase: 'Running', gpu: { 'nvidia.com/gpu': 2 } },
      { nodeName: 'g1', phase: 'Pending', gpu: { 'nvidia.com/gpu': 1 } },
      { nodeName: 'g1', phase: 'Succeeded', gpu: { 'nvidia.com/gpu': 4 } },
      { nodeName: null, phase: 'Pending', gpu: { 'nvidia.com/gpu': 8 } },
      { nodeName: 'g2', phase: 'Running', gpu: { 'nvidia.com/gpu': 3 } },
    ];
    const a = allocationByNode(nodes, pods);
    expect(a.get('g1')).toEqual([{ resource: 'nvidia.com/gpu', capacity: 8, allocatable: 8, requested: 3, free: 5 }]);
    expect(a.get('g2')).toEqual([{ resource: 'nvidia.com/gpu', capacity: 4, allocatable: 3, requested: 3, free: 0 }]);
    expect(a.get('cpu')).toEqual([]);
    expect(totalAllocation(a)).toEqual([
      { resource: 'nvidia.com/gpu', capacity: 12, allocatable: 11, requested: 6, free: 5 },
    ]);
  });

  it('keeps free = allocatable - requested for any pods (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            node: fc.constantFrom('g1', 'g2', 'cpu'),
            n: fc.nat(8),
            phase: fc.constantFrom('Running', 'Pending', 'Failed'),
          }),
        ),
        (ps) => {
          const a = allocationByNode(
            nodes,
            ps.map((p) => ({ nodeName: p.node, phase: p.phase, gpu: { 'nvidia.com/gpu': p.n } })),
          );
          for (const list of a.values()) for (const x of list) expect(x.free).toBe(x.allocatable - x.requested);
          const req = ps.filter((p) => p.phase !== 'Failed').reduce((s, p) => s + p.n, 0);
          expect(totalAllocation(a)[0]?.requested ?? 0).toBe(req);
        },
      ),
    );
  });
});
