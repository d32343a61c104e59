import { describe, expect, it } from 'vitest';
import type { DeviceClass } from './dra-types';
import { gpuInventory, nodeGpuNumbers } from './inventory';
import { buildGpuCluster } from './model';
import { claim, gpuDevice, migDevice, node, nvidiaLabels, pod, slice } from './test-fixtures';
import { whereCanThisRun, type NodeFit } from './where';
import { simpleDeviceClass, whereRequestSchema, type WhereRequest } from './where-request';

const gpuTaint = { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' as const };
const tolerateGpu = [{ key: 'nvidia.com/gpu', operator: 'Exists' as const, effect: 'NoSchedule' as const }];
const cluster = buildGpuCluster({
  nodes: [
    node('h100', {
      capacity: { 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.10gb': '7' },
      taints: [gpuTaint],
      labels: { ...nvidiaLabels('NVIDIA-H100-80GB-HBM3', 2, { 'nvidia.com/mig.strategy': 'mixed' }), pool: 'train' },
    }),
    node('a100', {
      capacity: { 'nvidia.com/gpu': '7' },
      labels: {
        'nvidia.com/gpu.product': 'NVIDIA-A100-SXM4-40GB-MIG-1g.5gb',
        'nvidia.com/mig.strategy': 'single',
        pool: 'infer',
      },
    }),
    node('t4', {
      capacity: { 'nvidia.com/gpu': '16' },
      labels: nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 4, { 'nvidia.com/gpu.replicas': '4' }),
    }),
    node('dra1'),
    node('cordoned', {
      capacity: { 'nvidia.com/gpu': '8' },
      unschedulable: true,
      taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    }),
    node('down', {
      capacity: { 'nvidia.com/gpu': '8' },
      ready: false,
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    }),
    node('amd', { capacity: { 'amd.com/gpu': '4' }, labels: { 'amd.com/gpu.product-name': 'AMD_Instinct_MI300X' } }),
  ],
  pods: [
    pod('slices', { node: 'h100', limits: { 'nvidia.com/mig-1g.10gb': '4' } }),
    pod('shares', { node: 't4', limits: { 'nvidia.com/gpu': '5' } }),
    pod('w', { node: 'dra1', claims: [{ name: 'g', resourceClaimName: 'cw' }] }),
  ],
  slices: [
    slice('dra1', [
      gpuDevice(0),
      migDevice(0, '3g.40gb', 0, 4),
      migDevice(0, '3g.40gb', 4, 4),
      gpuDevice(1),
      migDevice(1, '3g.40gb', 0, 4),
      migDevice(1, '3g.40gb', 4, 4),
      gpuDevice(2),
    ]),
  ],
  claims: [claim('cw', { devices: ['gpu-2'], pool: 'dra1', reservedFor: ['w'] })],
});

const ask = (r: WhereRequest): Record<string, NodeFit> => {
  const a = whereCanThisRun(cluster.nodes, r);
  if (!a.ok) throw new Error(a.error);
  return Object.fromEntries(a.nodes.map((n) => [n.node, n]));
};
const codes = (f: NodeFit) => f.reasons.map((r) => r.code);
const fitting = (r: Record<string, NodeFit>) =>
  Object.values(r)
    .filter((n) => n.fits)
    .map((n) => n.node);

describe('where can this run: whole-GPU resources', () => {
  it('fits where the resource is free, as the scheduler counts it', () => {
    const r = ask({ ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 1 }, tolerations: tolerateGpu });
    expect(fitting(r)).toEqual(['h100', 'a100', 't4']);
    expect(r.h100).toMatchObject({ free: 1, via: 'nvidia.com/gpu' });
    expect(codes(r.cordoned!)).toEqual(['cordoned']);
    expect(codes(r.down!)).toEqual(['not-ready']);
    expect(r.dra1!.reasons).toEqual([{ code: 'no-units', message: 'the node has no nvidia.com/gpu' }]);
    expect(codes(r.amd!)).toEqual(['no-units']);
  });

  it('names an untolerated taint, a wrong model, a selector mismatch and too few free units', () => {
    expect(ask({ ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 1 } }).h100!.reasons).toEqual([
      { code: 'taint', message: 'taint nvidia.com/gpu=present:NoSchedule not tolerated' },
    ]);
    const a100 = ask({
      ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 1 },
      product: 'a100',
      tolerations: tolerateGpu,
    });
    expect(fitting(a100)).toEqual(['a100']);
    expect(a100.h100!.reasons).toEqual([
      { code: 'model', message: 'wanted model a100, the node has NVIDIA-H100-80GB-HBM3' },
    ]);
    const sel = ask({
      ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 2 },
      nodeSelector: { pool: 'infer' },
    });
    expect(fitting(sel)).toEqual(['a100']);
    expect(sel.t4!.reasons).toEqual([
      { code: 'selector', message: 'nodeSelector pool=infer does not match: the node has no pool label' },
    ]);
    expect(ask({ ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 12 } }).t4!.reasons).toEqual([
      { code: 'not-enough', message: '11 of nvidia.com/gpu free (nvidia.com/gpu), 12 wanted' },
    ]);
    expect(fitting(ask({ ask: { kind: 'resource', resource: 'amd.com/gpu', count: 4 }, selector: '!pool' }))).toEqual([
      'amd',
    ]);
  });

  it('lets tolerations of not-ready and unschedulable through, as the scheduler does', () => {
    const r = ask({
      ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 8 },
      tolerations: [{ operator: 'Exists' }],
    });
    expect(fitting(r)).toEqual(['t4', 'cordoned', 'down']);
  });

  it('still names a not-ready taint on a node whose Ready condition says true', () => {
    const stale = buildGpuCluster({
      nodes: [
        node('x', {
          capacity: { 'nvidia.com/gpu': '1' },
          taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
        }),
      ],
      pods: [],
    });
    const a = whereCanThisRun(stale.nodes, { ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 1 } });
    expect(a.ok && a.nodes[0]!.reasons).toEqual([
      { code: 'taint', message: 'taint node.kubernetes.io/not-ready:NoExecute not tolerated' },
    ]);
  });

  it('reports an invalid selector as an error', () => {
    expect(whereCanThisRun(cluster.nodes, { ask: { kind: 'shares', count: 1 }, selector: 'a in (' })).toEqual({
      ok: false,
      error: 'selector: unbalanced parentheses',
    });
  });
});

describe('where can this run: MIG, shares, DRA devices', () => {
  it('finds a MIG profile in mixed, single and DRA form', () => {
    const r = ask({ ask: { kind: 'mig', profile: '1g.10gb', count: 3 }, tolerations: tolerateGpu });
    expect(fitting(r)).toEqual(['h100']);
    expect(r.h100).toMatchObject({ via: 'nvidia.com/mig-1g.10gb', free: 3 });
    expect(
      ask({ ask: { kind: 'mig', profile: '1g.10gb', count: 4 }, tolerations: tolerateGpu }).h100!.reasons[0]!.code,
    ).toBe('not-enough');
    expect(ask({ ask: { kind: 'mig', profile: '1g.5gb', count: 7 } }).a100).toMatchObject({
      fits: true,
      via: 'nvidia.com/gpu',
    });
    const dra = ask({ ask: { kind: 'mig', profile: '3g.40gb', count: 4 } });
    expect(dra.dra1).toMatchObject({ fits: true, free: 4, via: 'gpu.nvidia.com devices' });
  });

  it('counts shares of shared GPUs only', () => {
    const r = ask({ ask: { kind: 'shares', count: 11 } });
    expect(fitting(r)).toEqual(['t4']);
    expect(codes(r.h100!)).toEqual(['taint', 'no-units']);
  });

  it('matches DRA devices by class driver, type, profile and attributes', () => {
    const gpuClass: DeviceClass = {
      metadata: { name: 'gpu.nvidia.com', uid: '1' },
      spec: {
        selectors: [
          {
            cel: {
              expression: "device.driver == 'gpu.nvidia.com' && device.attributes['gpu.nvidia.com'].type == 'gpu'",
            },
          },
        ],
      },
    };
    const migClass: DeviceClass = {
      metadata: { name: 'mig.nvidia.com', uid: '2' },
      spec: {
        selectors: [
          {
            cel: {
              expression: 'device.driver == "gpu.nvidia.com" && device.attributes["gpu.nvidia.com"].type == "mig"',
            },
          },
        ],
      },
    };
    const g = simpleDeviceClass(gpuClass)!;
    expect(g).toEqual({ name: 'gpu.nvidia.com', driver: 'gpu.nvidia.com', type: 'gpu' });
    expect(
      ask({ ask: { kind: 'devices', deviceClass: g, count: 2, attributes: { productName: 'NVIDIA H100 80GB HBM3' } } })
        .dra1,
    ).toMatchObject({ fits: true, free: 2 });
    expect(codes(ask({ ask: { kind: 'devices', deviceClass: g, count: 3 } }).dra1!)).toEqual(['not-enough']);
    expect(
      codes(ask({ ask: { kind: 'devices', deviceClass: g, count: 1, attributes: { productName: 'A100' } } }).dra1!),
    ).toEqual(['no-units']);
    expect(codes(ask({ ask: { kind: 'devices', deviceClass: g, count: 1 }, product: 'A100' }).dra1!)).toEqual([
      'model',
    ]);
    const mig = { ...simpleDeviceClass(migClass)!, profile: '3g.40gb' };
    expect(ask({ ask: { kind: 'devices', deviceClass: mig, count: 4 } }).dra1).toMatchObject({
      fits: true,
      free: 4,
      via: 'mig.nvidia.com (gpu.nvidia.com)',
    });
    expect(codes(ask({ ask: { kind: 'devices', deviceClass: g, count: 1 } }).h100!)).toEqual(['taint', 'no-units']);
    expect(
      simpleDeviceClass({
        metadata: { name: 'x', uid: '3' },
        spec: { selectors: [{ cel: { expression: 'device.capacity["x"].memory > 1' } }] },
      }),
    ).toBeNull();
  });

  it('validates requests with the shared schema', () => {
    expect(whereRequestSchema.safeParse({ ask: { kind: 'mig', profile: '1g.10gb', count: 1 } }).success).toBe(true);
    expect(whereRequestSchema.safeParse({ ask: { kind: 'mig', profile: 'big', count: 1 } }).success).toBe(false);
    expect(
      whereRequestSchema.safeParse({ ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 0 } }).success,
    ).toBe(false);
    expect(
      whereRequestSchema.safeParse({
        ask: { kind: 'resource', resource: 'nvidia.com/gpu', count: 1 },
        tolerations: [{ operator: 'Maybe' }],
      }).success,
    ).toBe(false);
  });
});

describe('inventory', () => {
  it('counts physical GPUs by model once, and MIG slices by profile', () => {
    const inv = gpuInventory(cluster.nodes);
    expect(inv.physical).toEqual({
      total: 2 + 1 + 4 + 3 + 8 + 8 + 4,
      free: 1 + 1 + 2 + 2 + 8 + 8 + 4,
      nodes: 7,
      estimatedNodes: 1,
    });
    expect(inv.byModel.find((m) => m.product === 'NVIDIA-Tesla-T4')).toEqual({
      product: 'NVIDIA-Tesla-T4',
      vendor: 'nvidia.com',
      total: 4,
      free: 2,
      partial: 1,
      full: 1,
      nodes: 1,
    });
    expect(inv.byModel.find((m) => m.product === 'NVIDIA-H100-80GB-HBM3')).toMatchObject({
      vendor: 'gpu.nvidia.com',
      total: 3,
      free: 2,
      full: 1,
    });
    expect(inv.byProfile).toEqual([
      { profile: '1g.10gb', product: 'NVIDIA-H100-80GB-HBM3', source: 'device-plugin', total: 7, free: 3, used: 4 },
      { profile: '1g.5gb', product: 'NVIDIA-A100-SXM4-40GB', source: 'device-plugin', total: 7, free: 7, used: 0 },
      { profile: '3g.40gb', product: 'NVIDIA-H100-80GB-HBM3', source: 'dra', total: 4, free: 4, used: 0 },
    ]);
    expect(inv.byResource.find((r) => r.key === 'nvidia.com/gpu')).toMatchObject({
      capacity: 1 + 7 + 16 + 8 + 8,
      used: 5,
    });
  });

  it('gives the Nodes page one row of numbers per node', () => {
    const h100 = nodeGpuNumbers(cluster.nodes[0]!);
    expect(h100).toEqual({
      physical: 2,
      physicalFree: 1,
      estimated: false,
      products: ['NVIDIA-H100-80GB-HBM3'],
      overcommitted: false,
      byKind: {
        whole: { capacity: 1, allocatable: 1, requested: 0, used: 0, free: 1 },
        mig: { capacity: 7, allocatable: 7, requested: 4, used: 4, free: 3 },
        share: { capacity: 0, allocatable: 0, requested: 0, used: 0, free: 0 },
      },
    });
    expect(nodeGpuNumbers(cluster.nodes[2]!).byKind.share).toEqual({
      capacity: 16,
      allocatable: 16,
      requested: 5,
      used: 5,
      free: 11,
    });
  });
});
