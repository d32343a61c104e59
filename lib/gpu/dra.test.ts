import { describe, expect, it } from 'vitest';
import { indexSlices } from './dra-devices';
import { labelProduct, maxDisjoint } from './dra-gpus';
import { buildGpuCluster, buildNodeGpuModel } from './model';
import type { NodeGpuModel } from './model-types';
import { claim, gpuDevice, migDevice, node, pod, slice } from './test-fixtures';
import { gpuSegments } from './segments';

/** Every placement NVIDIA's driver publishes for a few H100 profiles (dynamic MIG). */
const placements = (i: number) => [
  ...Array.from({ length: 7 }, (_, k) => migDevice(i, '1g.10gb', k, 1)),
  migDevice(i, '3g.40gb', 0, 4),
  migDevice(i, '3g.40gb', 4, 4),
  migDevice(i, '7g.80gb', 0, 8),
];
const devices = [gpuDevice(0), ...placements(0), gpuDevice(1), ...placements(1), gpuDevice(2), gpuDevice(3)];
const pool = { pool: 'dra1' };
const claims = [
  claim('c-whole', { devices: ['gpu-2'], reservedFor: ['w'], ...pool }),
  claim('m-gpu-abc', { devices: ['gpu-0-mig-1g.10gb-0-1'], reservedFor: ['m'], ...pool }),
  claim('c-unreserved', { devices: ['gpu-3'], ...pool }),
  claim('c-pending'),
  claim('c-nobody'),
  claim('c-admin', { devices: ['gpu-1'], reservedFor: ['monitor'], adminAccess: true, ...pool }),
];
const pods = [
  pod('w', { node: 'dra1', claims: [{ name: 'gpu', resourceClaimName: 'c-whole' }] }),
  pod('m', {
    node: 'dra1',
    claims: [{ name: 'gpu', resourceClaimTemplateName: 'one-mig' }],
    claimStatuses: [{ name: 'gpu', resourceClaimName: 'm-gpu-abc' }],
  }),
  pod('p', {
    claims: [{ name: 'gpu', resourceClaimName: 'c-pending' }],
    unschedulable: '0/5 nodes are available: 5 cannot allocate all claims.',
  }),
  pod('t', { claims: [{ name: 'gpu', resourceClaimTemplateName: 'one-gpu' }] }),
];
const cluster = buildGpuCluster({ nodes: [node('dra1')], pods, slices: [slice('dra1', devices)], claims });
const m = cluster.nodes[0]!;
const sum = (n: NodeGpuModel, key: string) => n.summaries.find((s) => s.key === key)!;
const unit = (n: NodeGpuModel, device: string) =>
  n.gpus.flatMap((g) => g.units).find((u) => u.device?.device === device)!;

describe('DRA-only node: GPU and MIG devices with claims', () => {
  it('counts a GPU and its MIG devices as one physical GPU', () => {
    expect(m.physical).toEqual({ total: 4, free: 1, byProduct: { 'NVIDIA-H100-80GB-HBM3': 4 }, estimated: false });
    expect(m.gpus.map((g) => g.id)).toEqual([
      'gpu.nvidia.com/dra1/gpu-0',
      'gpu.nvidia.com/dra1/gpu-1',
      'gpu.nvidia.com/dra1/gpu-2',
      'gpu.nvidia.com/dra1/gpu-3',
    ]);
    expect(m.gpus.every((g) => g.exact && g.source === 'dra')).toBe(true);
    expect(m.gpus[0]).toMatchObject({
      uuid: 'GPU-0',
      memoryBytes: 80 * 2 ** 30,
      layout: 'mig',
      state: 'partial',
      slots: 8,
    });
  });

  it('blocks the parent of a held MIG device and the placements overlapping it', () => {
    expect(unit(m, 'gpu-0').state).toBe('blocked');
    expect(unit(m, 'gpu-0-mig-1g.10gb-0-1')).toMatchObject({
      state: 'allocated',
      holders: [{ pod: { namespace: 'default', name: 'm' }, claim: { namespace: 'default', name: 'm-gpu-abc' } }],
    });
    expect(unit(m, 'gpu-0-mig-1g.10gb-1-1').state).toBe('free');
    expect(unit(m, 'gpu-0-mig-3g.40gb-0-4').state).toBe('blocked');
    expect(unit(m, 'gpu-0-mig-3g.40gb-4-4').state).toBe('free');
    expect(unit(m, 'gpu-0-mig-7g.80gb-0-8').state).toBe('blocked');
    expect(gpuSegments(m.gpus[0]!)).toEqual([
      expect.objectContaining({ start: 0, size: 1, kind: 'mig', label: '1g.10gb', state: 'allocated' }),
      expect.objectContaining({ start: 1, size: 7, kind: 'empty', state: 'free' }),
    ]);
  });

  it('blocks the MIG devices of a GPU held whole; admin access holds nothing', () => {
    expect(m.gpus[1]).toMatchObject({ layout: 'whole', state: 'free', slots: 1 });
    expect(unit(m, 'gpu-1').state).toBe('free');
    expect(unit(m, 'gpu-2')).toMatchObject({
      state: 'allocated',
      holders: [{ pod: { namespace: 'default', name: 'w' }, claim: { namespace: 'default', name: 'c-whole' } }],
    });
    expect(unit(m, 'gpu-3')).toMatchObject({
      state: 'allocated',
      holders: [{ pod: null, claim: { namespace: 'default', name: 'c-unreserved' } }],
    });
  });

  it('sums per driver and profile; overlapping placements count as what fits together', () => {
    expect(sum(m, 'gpu.nvidia.com:gpu')).toMatchObject({
      kind: 'whole',
      source: 'dra',
      capacity: 4,
      allocatable: 4,
      requested: 2,
      used: 3,
      blocked: 1,
      free: 1,
    });
    expect(sum(m, 'gpu.nvidia.com:mig-1g.10gb')).toMatchObject({
      kind: 'mig',
      profile: '1g.10gb',
      capacity: 14,
      requested: 1,
      used: 1,
      free: 13,
      blocked: 0,
    });
    expect(sum(m, 'gpu.nvidia.com:mig-3g.40gb')).toMatchObject({
      capacity: 4,
      requested: 0,
      used: 1,
      free: 3,
      blocked: 1,
    });
    expect(sum(m, 'gpu.nvidia.com:mig-7g.80gb')).toMatchObject({ capacity: 2, used: 1, free: 1, blocked: 1 });
  });

  it('lists unreserved and pending claims with reasons, and what each pod holds', () => {
    expect(cluster.unreservedClaims.map((c) => [c.claim.name, c.node])).toEqual([['c-unreserved', 'dra1']]);
    expect(cluster.unreservedClaims[0]!.reason).toMatch(/reserved for no pod: no pod uses it/);
    expect(cluster.pendingClaims.map((c) => c.claim.name)).toEqual(['c-nobody', 'c-pending']);
    expect(cluster.pendingClaims[1]).toMatchObject({
      pods: [{ name: 'p' }],
      reason: 'pod default/p cannot be scheduled: 0/5 nodes are available: 5 cannot allocate all claims.',
    });
    expect(cluster.pendingClaims[0]!.reason).toMatch(/no pod uses this claim/);
    expect(m.claims.map((c) => c.name).sort()).toEqual(['c-admin', 'c-unreserved', 'c-whole', 'm-gpu-abc']);
    expect(cluster.holdings.get('default/m')).toEqual({
      pod: { namespace: 'default', name: 'm' },
      node: 'dra1',
      requests: {},
      claims: [
        {
          claim: { namespace: 'default', name: 'm-gpu-abc' },
          devices: [{ driver: 'gpu.nvidia.com', pool: 'dra1', device: 'gpu-0-mig-1g.10gb-0-1' }],
        },
      ],
    });
    expect(cluster.pendingPods.map((p) => [p.pod.name, p.claims.map((c) => c.name), p.reason])).toEqual([
      ['p', ['c-pending'], '0/5 nodes are available: 5 cannot allocate all claims.'],
      ['t', [], null],
    ]);
  });

  it('gives the same answer for one node alone', () => {
    expect(buildNodeGpuModel(node('dra1'), pods, [slice('dra1', devices)], claims)).toEqual(m);
  });
});

describe('DRA slices', () => {
  it('reads only the newest generation of a pool and warns about missing slices', () => {
    const idx = indexSlices([
      slice('n', [gpuDevice(0), gpuDevice(1)], { generation: 1 }),
      slice('n', [gpuDevice(0)], { generation: 2, count: 2 }),
    ]);
    expect(idx.byNode.get('n')!.map((d) => d.name)).toEqual(['gpu-0']);
    expect(idx.warnings.get('n')).toEqual([
      'pool gpu.nvidia.com/n: 1 of 2 ResourceSlices seen; devices may be missing',
    ]);
  });

  it('static MIG: MIG devices without their parent are still one GPU, drawn as configured', () => {
    const n = buildGpuCluster({
      nodes: [node('s')],
      pods: [],
      slices: [slice('s', [migDevice(5, '3g.40gb', 0, 4), migDevice(5, '3g.40gb', 4, 4)])],
      claims: [claim('x', { devices: ['gpu-5-mig-3g.40gb-4-4'], pool: 's', reservedFor: ['p'] })],
    }).nodes[0]!;
    expect(n.physical.total).toBe(1);
    expect(n.gpus[0]).toMatchObject({ layout: 'mig', uuid: 'GPU-5', state: 'partial' });
    expect(gpuSegments(n.gpus[0]!).map((s) => [s.start, s.size, s.state])).toEqual([
      [0, 4, 'free'],
      [4, 4, 'allocated'],
    ]);
  });

  it('strips the driver domain from attributes, reads typed values, and skips non-GPU devices', () => {
    const idx = indexSlices([
      slice(
        'n',
        [
          {
            name: 'gpu-0',
            attributes: {
              'gpu.intel.com/model': { string: 'Max 1550' },
              'gpu.intel.com/family': { string: 'Data Center GPU Max' },
              health: { bool: true },
              cores: { int: 128 },
            },
          },
          { name: 'gpu-vfio-0', attributes: { type: { string: 'vfio' } } },
        ],
        { driver: 'gpu.intel.com' },
      ),
      slice('n', [{ name: 'eth0', attributes: { ifName: { string: 'eth0' } } }], { driver: 'net.example.com' }),
    ]);
    const devs = idx.byNode.get('n')!;
    expect(devs.map((d) => d.key)).toEqual(['gpu.intel.com/n/gpu-0']);
    expect(devs[0]!.attributes).toEqual({ model: 'Max 1550', family: 'Data Center GPU Max', health: true, cores: 128 });
    expect(devs[0]!.type).toBe('gpu');
  });

  it('a tainted device is unavailable, not free', () => {
    const tainted = { ...gpuDevice(0), taints: [{ key: 'unhealthy', effect: 'NoSchedule' as const }] };
    const n = buildGpuCluster({ nodes: [node('n')], pods: [], slices: [slice('n', [tainted, gpuDevice(1)])] })
      .nodes[0]!;
    expect(n.summaries[0]).toMatchObject({ capacity: 2, allocatable: 1, free: 1, used: 0 });
    expect(n.physical).toMatchObject({ total: 2, free: 1 });
  });

  it('draws the first of two overlapping allocations and warns about the conflict', () => {
    const n = buildGpuCluster({
      nodes: [node('n')],
      pods: [],
      slices: [slice('n', [gpuDevice(0), migDevice(0, '3g.40gb', 0, 4), migDevice(0, '1g.10gb', 0, 1)])],
      claims: [
        claim('a', { devices: ['gpu-0-mig-3g.40gb-0-4'], pool: 'n' }),
        claim('b', { devices: ['gpu-0-mig-1g.10gb-0-1'], pool: 'n' }),
      ],
    }).nodes[0]!;
    expect(n.warnings).toEqual(['gpu.nvidia.com/n/gpu-0: overlapping devices are allocated at once']);
    expect(gpuSegments(n.gpus[0]!).filter((s) => s.kind === 'mig')).toHaveLength(1);
    for (const s of n.summaries) expect(s.free + s.used).toBe(s.allocatable);
  });

  it('maxDisjoint picks the most non-overlapping placements', () => {
    expect(
      maxDisjoint([
        { start: 0, size: 8 },
        { start: 0, size: 1 },
        { start: 1, size: 1 },
        { start: 0, size: 4 },
      ]),
    ).toBe(2);
    expect(maxDisjoint([])).toBe(0);
  });
});

describe('mixtures on one node', () => {
  it('device-plugin GPUs, a DRA GPU of another vendor and MIG slices add up, each once', () => {
    const n = buildGpuCluster({
      nodes: [
        node('mix', {
          capacity: { 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.10gb': '7' },
          labels: {
            'nvidia.com/gpu.product': 'NVIDIA-H100-80GB-HBM3',
            'nvidia.com/gpu.count': '2',
            'nvidia.com/mig.strategy': 'mixed',
          },
        }),
      ],
      pods: [
        pod('a', { node: 'mix', limits: { 'nvidia.com/mig-1g.10gb': '7' } }),
        pod('b', { node: 'mix', claims: [{ name: 'x', resourceClaimName: 'intel' }] }),
      ],
      slices: [
        slice('mix', [{ name: 'card0', attributes: { productName: { string: 'Intel Data Center GPU Flex 170' } } }], {
          driver: 'gpu.intel.com',
        }),
      ],
      claims: [claim('intel', { driver: 'gpu.intel.com', devices: ['card0'], pool: 'mix', reservedFor: ['b'] })],
    }).nodes[0]!;
    expect(n.physical).toMatchObject({
      total: 3,
      free: 1,
      byProduct: { 'NVIDIA-H100-80GB-HBM3': 2, 'Intel-Data-Center-GPU-Flex-170': 1 },
    });
    expect(n.gpus.map((g) => [g.source, g.layout, g.state])).toEqual([
      ['device-plugin', 'whole', 'free'],
      ['device-plugin', 'mig', 'full'],
      ['dra', 'whole', 'full'],
    ]);
    expect(n.summaries.map((s) => s.key)).toEqual(['nvidia.com/gpu', 'nvidia.com/mig-1g.10gb', 'gpu.intel.com:gpu']);
  });
});

describe('labelProduct', () => {
  it('spells a DRA product name as the GPU Feature Discovery label does', () => {
    expect(labelProduct('NVIDIA A100-SXM4-80GB')).toBe('NVIDIA-A100-SXM4-80GB');
    expect(labelProduct('  NVIDIA  H100 80GB HBM3 ')).toBe('NVIDIA-H100-80GB-HBM3');
    expect(labelProduct('')).toBeNull();
    expect(labelProduct(null)).toBeNull();
  });
});
