import { describe, expect, it } from 'vitest';
import { podClaims, podHoldsUnits, podIsPending, podUnitRequests, schedulingReason } from './pod-requests';
import { classifyResource, migInstancesPerGpu, migMemorySlices, parseMigProfile, parseProduct } from './resource-names';
import { pod } from './test-fixtures';

describe('resource names', () => {
  it('classifies whole, shared and MIG resources of any vendor by name alone', () => {
    expect(classifyResource('nvidia.com/gpu')).toEqual({ family: 'gpu', vendor: 'nvidia.com', shared: false });
    expect(classifyResource('amd.com/gpu')).toEqual({ family: 'gpu', vendor: 'amd.com', shared: false });
    expect(classifyResource('gpu.intel.com/i915')).toEqual({ family: 'gpu', vendor: 'gpu.intel.com', shared: false });
    expect(classifyResource('gpu.intel.com/xe')).toEqual({ family: 'gpu', vendor: 'gpu.intel.com', shared: false });
    expect(classifyResource('nvidia.com/gpu.shared')).toEqual({ family: 'gpu', vendor: 'nvidia.com', shared: true });
    expect(classifyResource('nvidia.com/mig-1g.10gb')).toEqual({
      family: 'mig',
      vendor: 'nvidia.com',
      profile: '1g.10gb',
      shared: false,
    });
    expect(classifyResource('nvidia.com/mig-1c.3g.40gb')).toMatchObject({ family: 'mig', profile: '1c.3g.40gb' });
    expect(classifyResource('nvidia.com/mig-1g.10gb.shared')).toEqual({
      family: 'mig',
      vendor: 'nvidia.com',
      profile: '1g.10gb',
      shared: true,
    });
    for (const other of [
      'cpu',
      'memory',
      'gpu.intel.com/millicores',
      'gpu.intel.com/memory.max',
      'nvidia.com/mig-weird',
      'example.com/gpus',
      'hugepages-2Mi',
    ]) {
      expect(classifyResource(other)).toBeNull();
    }
  });

  it('splits GFD product names into model, MIG profile and the SHARED marker', () => {
    expect(parseProduct('NVIDIA-H100-80GB-HBM3-MIG-1g.10gb')).toEqual({
      model: 'NVIDIA-H100-80GB-HBM3',
      migProfile: '1g.10gb',
      shared: false,
    });
    expect(parseProduct('Tesla-T4-SHARED')).toEqual({ model: 'Tesla-T4', migProfile: null, shared: true });
    expect(parseProduct('NVIDIA-A100-SXM4-40GB-MIG-1g.5gb-SHARED')).toEqual({
      model: 'NVIDIA-A100-SXM4-40GB',
      migProfile: '1g.5gb',
      shared: true,
    });
  });

  it('knows the MIG geometry of A100/H100 and A30', () => {
    expect(parseMigProfile('3g.40gb')).toEqual({ compute: 3, memoryGb: 40 });
    expect(parseMigProfile('1g.10gb+me')).toEqual({ compute: 1, memoryGb: 10 });
    expect(parseMigProfile('big')).toBeNull();
    const h100 = 'NVIDIA-H100-80GB-HBM3';
    expect(
      ['1g.10gb', '1g.20gb', '2g.20gb', '3g.40gb', '4g.40gb', '7g.80gb'].map((p) => [
        migMemorySlices(p, h100),
        migInstancesPerGpu(p, h100),
      ]),
    ).toEqual([
      [1, 7],
      [2, 4],
      [2, 3],
      [4, 2],
      [4, 1],
      [8, 1],
    ]);
    expect(['1g.5gb', '3g.20gb', '7g.40gb'].map((p) => migInstancesPerGpu(p, 'NVIDIA-A100-SXM4-40GB'))).toEqual([
      7, 2, 1,
    ]);
    expect(['1g.6gb', '2g.12gb', '4g.24gb'].map((p) => migInstancesPerGpu(p, 'NVIDIA-A30'))).toEqual([4, 2, 1]);
    expect(migMemorySlices('3g.40gb', null)).toBe(4);
  });
});

describe('pod requests', () => {
  it('counts MIG and shared resources; a request defaults to its limit', () => {
    const p = pod('p', { limits: { 'nvidia.com/mig-1g.10gb': '2', 'nvidia.com/gpu.shared': '1', cpu: '4' } });
    expect(podUnitRequests(p)).toEqual({ 'nvidia.com/mig-1g.10gb': 2, 'nvidia.com/gpu.shared': 1 });
    expect(podUnitRequests(pod('cpu', { limits: { cpu: '1' } }))).toEqual({});
  });

  it('applies the scheduler rule for init containers, sidecars and overhead', () => {
    const gpu = (n: number) => ({ resources: { limits: { 'nvidia.com/gpu': String(n) } } });
    const p = pod('p');
    p.spec.containers = [
      { name: 'a', ...gpu(1) },
      { name: 'b', ...gpu(1) },
    ];
    p.spec.initContainers = [
      { name: 'init', ...gpu(3) },
      { name: 'side', restartPolicy: 'Always', ...gpu(1) },
      { name: 'late', ...gpu(2) },
    ];
    p.spec.overhead = { 'nvidia.com/gpu': '1' };
    // max(apps 2 + sidecar 1, init 3, late 2 + sidecar 1) + overhead 1
    expect(podUnitRequests(p)).toEqual({ 'nvidia.com/gpu': 4 });
  });

  it('resolves claims by name and through the template status', () => {
    const p = pod('p', {
      namespace: 'ml',
      claims: [
        { name: 'a', resourceClaimName: 'shared-claim' },
        { name: 'b', resourceClaimTemplateName: 't' },
        { name: 'c', resourceClaimTemplateName: 't' },
      ],
      claimStatuses: [{ name: 'b', resourceClaimName: 'p-b-x1' }, { name: 'c' }],
    });
    expect(podClaims(p)).toEqual([
      { namespace: 'ml', name: 'shared-claim' },
      { namespace: 'ml', name: 'p-b-x1' },
    ]);
  });

  it('tells holding, pending and terminated pods apart, with the scheduler message', () => {
    expect(podHoldsUnits(pod('r', { node: 'n' }))).toBe(true);
    expect(podHoldsUnits(pod('s', { node: 'n', phase: 'Succeeded' }))).toBe(false);
    expect(podHoldsUnits(pod('u'))).toBe(false);
    expect(podIsPending(pod('u'))).toBe(true);
    expect(podIsPending(pod('f', { phase: 'Failed' }))).toBe(false);
    const gone = pod('d');
    gone.metadata.deletionTimestamp = '2026-01-01T00:00:00Z';
    expect(podIsPending(gone)).toBe(false);
    expect(schedulingReason(pod('x', { unschedulable: '0/2 nodes are available' }))).toBe('0/2 nodes are available');
    expect(schedulingReason(pod('y'))).toBeNull();
  });
});
