import { describe, expect, it } from 'vitest';
import { buildGpuCluster } from './model';
import type { NodeGpuModel } from './model-types';
import { node, nvidiaLabels, pod } from './test-fixtures';
import { gpuSegments } from './segments';

const one = (n: Parameters<typeof node>[1], pods: ReturnType<typeof pod>[] = []) =>
  buildGpuCluster({ nodes: [node('n1', n)], pods });
const summary = (m: NodeGpuModel, key: string) => m.summaries.find((s) => s.key === key)!;
const held = (m: NodeGpuModel) => m.gpus.flatMap((g) => g.units).filter((u) => u.state === 'allocated').length;

describe('whole GPUs from the device plugin', () => {
  const n = { capacity: { 'nvidia.com/gpu': '8', cpu: '64' }, labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8) };
  const pods = [
    pod('a', { node: 'n1', limits: { 'nvidia.com/gpu': '2' } }),
    pod('b', { node: 'n1', limits: { 'nvidia.com/gpu': '1' } }),
    pod('done', { node: 'n1', phase: 'Succeeded', limits: { 'nvidia.com/gpu': '4' } }),
    pod('failed', { node: 'n1', phase: 'Failed', limits: { 'nvidia.com/gpu': '4' } }),
    pod('waiting', {
      limits: { 'nvidia.com/gpu': '1' },
      unschedulable: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.',
    }),
    pod('cpu-only', { node: 'n1' }),
  ];
  const c = one(n, pods);
  const m = c.nodes[0]!;

  it('counts one physical GPU per unit and the pods holding them', () => {
    expect(m.physical).toEqual({ total: 8, free: 5, byProduct: { 'NVIDIA-H100-80GB-HBM3': 8 }, estimated: false });
    expect(summary(m, 'nvidia.com/gpu')).toMatchObject({
      kind: 'whole',
      capacity: 8,
      allocatable: 8,
      requested: 3,
      used: 3,
      free: 5,
      overcommitted: 0,
    });
    expect(summary(m, 'nvidia.com/gpu').holders.map((h) => [h.holder.pod?.name, h.count])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(m.gpus.map((g) => g.layout)).toEqual(Array(8).fill('whole'));
    expect(m.gpus[0]).toMatchObject({ memoryBytes: 81559 * 2 ** 20, exact: false, state: 'full', slots: 1 });
    expect(gpuSegments(m.gpus[0]!)).toEqual([
      expect.objectContaining({ start: 0, size: 1, kind: 'whole', state: 'allocated', label: 'NVIDIA-H100-80GB-HBM3' }),
    ]);
  });

  it('leaves terminated and unbound pods out, and lists the pending one with the reason', () => {
    expect(held(m)).toBe(3);
    expect(c.pendingPods).toEqual([
      {
        pod: { namespace: 'default', name: 'waiting' },
        requests: { 'nvidia.com/gpu': 1 },
        claims: [],
        reason: '0/3 nodes are available: 3 Insufficient nvidia.com/gpu.',
        createdAt: '2026-01-01T00:00:00Z',
      },
    ]);
    expect([...c.holdings.keys()].sort()).toEqual(['default/a', 'default/b']);
    expect(c.holdings.get('default/a')).toEqual({
      pod: { namespace: 'default', name: 'a' },
      node: 'n1',
      requests: { 'nvidia.com/gpu': 2 },
      claims: [],
    });
  });

  it('marks capacity above allocatable unavailable and never goes negative when pods exceed it', () => {
    const o = one({ capacity: { 'nvidia.com/gpu': '4' }, allocatable: { 'nvidia.com/gpu': '3' } }, [
      pod('x', { node: 'n1', limits: { 'nvidia.com/gpu': '2' } }),
      pod('y', { node: 'n1', limits: { 'nvidia.com/gpu': '2' } }),
    ]).nodes[0]!;
    expect(summary(o, 'nvidia.com/gpu')).toMatchObject({
      capacity: 4,
      allocatable: 3,
      requested: 4,
      used: 3,
      free: 0,
      overcommitted: 1,
    });
    expect(o.gpus.map((g) => g.units[0]!.state)).toEqual(['allocated', 'allocated', 'allocated', 'unavailable']);
    expect(o.physical.total).toBe(4);
  });
});

describe('MIG, mixed strategy', () => {
  // 8 × H100: 2 unsplit, 6 split into 3g.40gb, 2g.20gb and 1g.10gb slices.
  const labels = nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8, {
    'nvidia.com/mig.strategy': 'mixed',
    'nvidia.com/mig.config': 'custom',
    'nvidia.com/mig-1g.10gb.count': '14',
    'nvidia.com/mig-1g.10gb.memory': '9984',
    'nvidia.com/mig-3g.40gb.count': '4',
    'nvidia.com/mig-2g.20gb.count': '6',
  });
  const capacity = {
    'nvidia.com/gpu': '2',
    'nvidia.com/mig-1g.10gb': '14',
    'nvidia.com/mig-3g.40gb': '4',
    'nvidia.com/mig-2g.20gb': '6',
  };
  const m = one({ capacity, labels }, [
    pod('slices', { node: 'n1', limits: { 'nvidia.com/mig-1g.10gb': '2', 'nvidia.com/mig-3g.40gb': '1' } }),
    pod('whole', { node: 'n1', limits: { 'nvidia.com/gpu': '1' } }),
  ]).nodes[0]!;

  it('counts split GPUs once: unsplit from nvidia.com/gpu, the rest from the count label', () => {
    expect(m.physical).toMatchObject({ total: 8, estimated: false });
    expect(m.migStrategy).toBe('mixed');
    expect(m.gpus.filter((g) => g.layout === 'whole')).toHaveLength(2);
    expect(m.gpus.filter((g) => g.layout === 'mig')).toHaveLength(6);
    expect(m.warnings).toEqual([]);
  });

  it('puts MIG requests on slices of their profile, not on whole GPUs', () => {
    expect(summary(m, 'nvidia.com/mig-1g.10gb')).toMatchObject({
      kind: 'mig',
      profile: '1g.10gb',
      capacity: 14,
      used: 2,
      free: 12,
    });
    expect(summary(m, 'nvidia.com/mig-3g.40gb')).toMatchObject({
      kind: 'mig',
      profile: '3g.40gb',
      capacity: 4,
      used: 1,
      free: 3,
    });
    expect(summary(m, 'nvidia.com/gpu')).toMatchObject({ kind: 'whole', capacity: 2, used: 1, free: 1 });
    const units = m.gpus.flatMap((g) => g.units);
    expect(units.filter((u) => u.kind === 'mig')).toHaveLength(24);
    expect(units.find((u) => u.profile === '1g.10gb')!.memoryBytes).toBe(9984 * 2 ** 20);
  });

  it('lays slices on 8 memory slots without overlap', () => {
    for (const g of m.gpus.filter((x) => x.layout === 'mig')) {
      expect(g.slots).toBe(8);
      const used = gpuSegments(g)
        .filter((s) => s.kind !== 'empty')
        .reduce((a, s) => a + s.size, 0);
      expect(used).toBeLessThanOrEqual(8);
      const total = gpuSegments(g).reduce((a, s) => a + s.size, 0);
      expect(total).toBe(8);
      gpuSegments(g).reduce((end, s) => (expect(s.start).toBeCloseTo(end), s.start + s.size), 0);
    }
    const threeG = m.gpus.find((g) => g.units.some((u) => u.profile === '3g.40gb'))!;
    expect(
      gpuSegments(threeG)
        .filter((s) => s.label === '3g.40gb')
        .map((s) => s.size),
    ).toEqual([4, 4]);
  });

  it('estimates MIG GPUs from the slices when the count label is missing, and says so', () => {
    const noCount = { ...labels } as Record<string, string>;
    delete noCount['nvidia.com/gpu.count'];
    const e = one({ capacity, labels: noCount }).nodes[0]!;
    expect(e.physical.estimated).toBe(true);
    expect(e.gpus.filter((g) => g.layout === 'mig').length).toBeGreaterThanOrEqual(5);
  });

  it('uses the count label when the strategy label is missing but MIG resources say mixed', () => {
    const bare = one({
      capacity: { 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.10gb': '7' },
      labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 3),
    }).nodes[0]!;
    expect(bare).toMatchObject({ migStrategy: 'mixed', physical: { total: 3, estimated: false } });
    expect(bare.gpus.map((g) => [g.layout, g.units.length])).toEqual([
      ['whole', 1],
      ['mig', 7],
      ['mig', 0],
    ]);
  });

  it('warns when the slices cannot fit on the GPUs the labels count', () => {
    const w = one({
      capacity: { 'nvidia.com/mig-7g.80gb': '3' },
      labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 2, { 'nvidia.com/mig.strategy': 'mixed' }),
    }).nodes[0]!;
    expect(w.physical.total).toBe(3);
    expect(w.warnings[0]).toMatch(/count 2 MIG-enabled GPUs, the slices need 3/);
  });
});

describe('MIG, single strategy', () => {
  const labels = {
    'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-MIG-1g.5gb',
    'nvidia.com/gpu.count': '56',
    'nvidia.com/gpu.memory': '4864',
    'nvidia.com/mig.strategy': 'single',
    'nvidia.com/gpu.slices.gi': '1',
  };
  const m = one({ capacity: { 'nvidia.com/gpu': '56' }, labels }, [
    pod('p', { node: 'n1', limits: { 'nvidia.com/gpu': '3' } }),
  ]).nodes[0]!;

  it('reads nvidia.com/gpu as slices of the profile in the product label', () => {
    expect(summary(m, 'nvidia.com/gpu')).toMatchObject({
      kind: 'mig',
      profile: '1g.5gb',
      capacity: 56,
      used: 3,
      free: 53,
      product: 'NVIDIA-A100-SXM4-40GB',
    });
    expect(m.migStrategy).toBe('single');
  });

  it('estimates the physical GPUs from what one GPU holds of the profile', () => {
    expect(m.physical).toMatchObject({ total: 8, estimated: true, byProduct: { 'NVIDIA-A100-SXM4-40GB': 8 } });
    expect(m.gpus.every((g) => g.layout === 'mig' && g.units.length === 7)).toBe(true);
    expect(m.gpus[0]!.units[0]!.memoryBytes).toBe(4864 * 2 ** 20);
    expect(m.physical.free).toBe(7);
  });

  it('infers single strategy from a -MIG- product without the strategy label', () => {
    const rest = { ...labels } as Record<string, string>;
    delete rest['nvidia.com/mig.strategy'];
    expect(one({ capacity: { 'nvidia.com/gpu': '14' }, labels: rest }).nodes[0]!.physical.total).toBe(2);
  });
});

describe('shared GPUs', () => {
  it('time-slicing: replicas shares per physical GPU, product without -SHARED', () => {
    const labels = nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 4, {
      'nvidia.com/gpu.replicas': '4',
      'nvidia.com/gpu.sharing-strategy': 'time-slicing',
    });
    const m = one({ capacity: { 'nvidia.com/gpu': '16' }, labels }, [
      pod('p', { node: 'n1', limits: { 'nvidia.com/gpu': '5' } }),
    ]).nodes[0]!;
    expect(m.physical).toMatchObject({ total: 4, byProduct: { 'NVIDIA-Tesla-T4': 4 }, free: 2 });
    expect(m.sharing).toBe('time-slicing');
    expect(summary(m, 'nvidia.com/gpu')).toMatchObject({ kind: 'share', capacity: 16, used: 5, free: 11 });
    expect(m.gpus.map((g) => [g.layout, g.slots, g.state])).toEqual([
      ['shared', 4, 'full'],
      ['shared', 4, 'partial'],
      ['shared', 4, 'free'],
      ['shared', 4, 'free'],
    ]);
    expect(gpuSegments(m.gpus[1]!).map((s) => s.label)).toEqual(['share 1/4', 'share 2/4', 'share 3/4', 'share 4/4']);
  });

  it('renameByDefault: nvidia.com/gpu.shared, replicas from the label or from the count', () => {
    const withReplicas = one({
      capacity: { 'nvidia.com/gpu.shared': '8' },
      labels: nvidiaLabels('NVIDIA-A10G', 2, { 'nvidia.com/gpu.replicas': '4' }),
    }).nodes[0]!;
    expect(withReplicas.physical).toMatchObject({ total: 2, estimated: false });
    expect(summary(withReplicas, 'nvidia.com/gpu.shared')).toMatchObject({ kind: 'share', capacity: 8 });
    const fromCount = one({ capacity: { 'nvidia.com/gpu.shared': '8' }, labels: nvidiaLabels('NVIDIA-A10G-SHARED', 2) })
      .nodes[0]!;
    expect(fromCount.physical).toMatchObject({ total: 2, estimated: false, byProduct: { 'NVIDIA-A10G': 2 } });
    const bare = one({ capacity: { 'nvidia.com/gpu.shared': '8' } }).nodes[0]!;
    expect(bare.physical).toMatchObject({ total: 1, estimated: true });
  });

  it('finished and unbound pods hold no shares or slices', () => {
    const labels = nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 1, {
      'nvidia.com/gpu.replicas': '4',
      'nvidia.com/mig.strategy': 'mixed',
    });
    const c = one({ capacity: { 'nvidia.com/gpu': '4', 'nvidia.com/mig-1g.10gb': '7' }, labels }, [
      pod('done', { node: 'n1', phase: 'Succeeded', limits: { 'nvidia.com/gpu': '2', 'nvidia.com/mig-1g.10gb': '1' } }),
      pod('failed', { node: 'n1', phase: 'Failed', limits: { 'nvidia.com/gpu': '2' } }),
      pod('waiting', {
        limits: { 'nvidia.com/mig-1g.10gb': '2' },
        unschedulable: '0/1 nodes are available: 1 Insufficient nvidia.com/mig-1g.10gb.',
      }),
      pod('running', { node: 'n1', limits: { 'nvidia.com/gpu': '1' } }),
    ]);
    const m = c.nodes[0]!;
    expect(summary(m, 'nvidia.com/gpu')).toMatchObject({ kind: 'share', used: 1, free: 3 });
    expect(summary(m, 'nvidia.com/mig-1g.10gb')).toMatchObject({ used: 0, free: 7 });
    expect(c.pendingPods.map((p) => [p.pod.name, p.requests, p.reason])).toEqual([
      ['waiting', { 'nvidia.com/mig-1g.10gb': 2 }, '0/1 nodes are available: 1 Insufficient nvidia.com/mig-1g.10gb.'],
    ]);
  });

  it('MPS: the same arithmetic, sharing named mps', () => {
    const labels = nvidiaLabels('NVIDIA-L4', 2, {
      'nvidia.com/gpu.replicas': '2',
      'nvidia.com/gpu.sharing-strategy': 'mps',
      'nvidia.com/mps.capable': 'true',
    });
    const m = one({ capacity: { 'nvidia.com/gpu': '4' }, labels }, [
      pod('p', { node: 'n1', limits: { 'nvidia.com/gpu': '1' } }),
    ]).nodes[0]!;
    expect(m.physical.total).toBe(2);
    expect(m.gpus.map((g) => g.sharing)).toEqual(['mps', 'mps']);
    expect(m.sharing).toBe('mps');
  });

  it('shared MIG slices: replicas of each slice, one GPU still', () => {
    const labels = nvidiaLabels('NVIDIA-A100-SXM4-40GB', 1, {
      'nvidia.com/mig.strategy': 'mixed',
      'nvidia.com/mig-1g.5gb.replicas': '2',
    });
    const m = one({ capacity: { 'nvidia.com/mig-1g.5gb': '14' }, labels }, [
      pod('p', { node: 'n1', limits: { 'nvidia.com/mig-1g.5gb': '3' } }),
    ]).nodes[0]!;
    expect(m.physical.total).toBe(1);
    expect(m.gpus[0]).toMatchObject({ layout: 'mig', sharing: 'time-slicing' });
    expect(m.gpus[0]!.units.filter((u) => u.kind === 'share')).toHaveLength(14);
    expect(
      gpuSegments(m.gpus[0]!)
        .filter((s) => s.kind === 'share')
        .map((s) => s.size),
    ).toEqual(Array(14).fill(0.5));
    expect(summary(m, 'nvidia.com/mig-1g.5gb')).toMatchObject({ kind: 'share', profile: '1g.5gb', used: 3, free: 11 });
  });
});

describe('other vendors', () => {
  it('counts amd.com/gpu and Intel i915/xe as whole GPUs, ignores Intel measures', () => {
    const m = one(
      {
        capacity: {
          'amd.com/gpu': '2',
          'gpu.intel.com/i915': '1',
          'gpu.intel.com/millicores': '1000',
          'gpu.intel.com/memory.max': '16Gi',
        },
        labels: { 'amd.com/gpu.product-name': 'AMD_Instinct_MI300X', 'amd.com/gpu.vram': '192G' },
      },
      [pod('rocm', { node: 'n1', limits: { 'amd.com/gpu': '1' } })],
    ).nodes[0]!;
    expect(m.physical).toMatchObject({ total: 3, free: 2, byProduct: { AMD_Instinct_MI300X: 2, unknown: 1 } });
    expect(m.gpus.map((g) => g.vendor)).toEqual(['amd.com', 'amd.com', 'gpu.intel.com']);
    expect(m.gpus[0]!.memoryBytes).toBe(192 * 2 ** 30);
    expect(m.summaries.map((s) => s.key)).toEqual(['amd.com/gpu', 'gpu.intel.com/i915']);
  });
});
