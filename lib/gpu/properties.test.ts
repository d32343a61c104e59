import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../kube-types';
import type { Device, GpuPod, ResourceClaim } from './dra-types';
import { buildGpuCluster } from './model';
import type { NodeGpuModel } from './model-types';
import { claim, gpuDevice, migDevice, node, nvidiaLabels, pod, slice } from './test-fixtures';
import { gpuSegments } from './segments';

const PROFILES = ['1g.10gb', '2g.20gb', '3g.40gb', '7g.80gb'] as const;
const H100 = 'NVIDIA-H100-80GB-HBM3';

/** A node of one of the shapes operators run, with its GPU resources and labels. */
const nodeArb: fc.Arbitrary<{ n: Node; resources: string[] }> = fc.oneof(
  fc.record({ c: fc.nat(16), lost: fc.nat(3) }).map(({ c, lost }) => ({
    n: node('n', {
      capacity: { 'nvidia.com/gpu': String(c) },
      allocatable: { 'nvidia.com/gpu': String(Math.max(0, c - lost)) },
      labels: nvidiaLabels(H100, c),
    }),
    resources: ['nvidia.com/gpu'],
  })),
  fc
    .record({ whole: fc.nat(4), counts: fc.array(fc.nat(14), { minLength: 4, maxLength: 4 }), label: fc.boolean() })
    .map(({ whole, counts, label }) => {
      const capacity: Record<string, string> = { 'nvidia.com/gpu': String(whole) };
      PROFILES.forEach((p, i) => {
        if (counts[i]) capacity[`nvidia.com/mig-${p}`] = String(counts[i]);
      });
      const labels: Record<string, string> = {
        'nvidia.com/gpu.product': H100,
        'nvidia.com/mig.strategy': 'mixed',
        ...(label ? { 'nvidia.com/gpu.count': String(whole + 4) } : {}),
      };
      return { n: node('n', { capacity, labels }), resources: Object.keys(capacity) };
    }),
  fc.record({ slices: fc.nat(56) }).map(({ slices }) => ({
    n: node('n', {
      capacity: { 'nvidia.com/gpu': String(slices) },
      labels: { 'nvidia.com/gpu.product': `${H100}-MIG-1g.10gb`, 'nvidia.com/mig.strategy': 'single' },
    }),
    resources: ['nvidia.com/gpu'],
  })),
  fc
    .record({ gpus: fc.integer({ min: 1, max: 8 }), replicas: fc.integer({ min: 2, max: 8 }), renamed: fc.boolean() })
    .map(({ gpus, replicas, renamed }) => {
      const resource = renamed ? 'nvidia.com/gpu.shared' : 'nvidia.com/gpu';
      const labels = nvidiaLabels(renamed ? 'NVIDIA-Tesla-T4' : 'NVIDIA-Tesla-T4-SHARED', gpus, {
        'nvidia.com/gpu.replicas': String(replicas),
      });
      return { n: node('n', { capacity: { [resource]: String(gpus * replicas) }, labels }), resources: [resource] };
    }),
);

const podsArb = (resources: string[]) =>
  fc
    .array(
      fc.record({
        resource: fc.constantFrom(...resources, 'nvidia.com/mig-1g.10gb', 'amd.com/gpu'),
        count: fc.integer({ min: 1, max: 6 }),
        where: fc.constantFrom('bound', 'bound', 'unbound', 'succeeded', 'failed'),
      }),
      { maxLength: 12 },
    )
    .map((xs) =>
      xs.map((x, i): GpuPod =>
        pod(`p${i}`, {
          limits: { [x.resource]: String(x.count) },
          ...(x.where === 'unbound' ? {} : { node: 'n' }),
          ...(x.where === 'succeeded'
            ? { phase: 'Succeeded' as const }
            : x.where === 'failed'
              ? { phase: 'Failed' as const }
              : {}),
        }),
      ),
    );

/** DRA: GPUs with every placement of a few profiles, and claims on random devices (even conflicting ones). */
const draArb = fc
  .record({
    gpus: fc.nat(4),
    picks: fc.array(fc.nat(200), { maxLength: 8 }),
    reserved: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ gpus, picks, reserved }) => {
    const devices: Device[] = [];
    for (let i = 0; i < gpus; i++) {
      devices.push(gpuDevice(i));
      for (let k = 0; k < 7; k++) devices.push(migDevice(i, '1g.10gb', k, 1));
      devices.push(migDevice(i, '3g.40gb', 0, 4), migDevice(i, '3g.40gb', 4, 4));
    }
    const claims: ResourceClaim[] =
      devices.length === 0
        ? []
        : picks.map((p, j) =>
            claim(`c${j}`, {
              devices: [devices[p % devices.length]!.name],
              pool: 'n',
              ...(reserved[j] ? { reservedFor: [`d${j}`] } : {}),
            }),
          );
    return { slices: devices.length ? [slice('n', devices)] : [], claims, gpus };
  });

const checkSummaries = (m: NodeGpuModel) => {
  for (const s of m.summaries) {
    expect(s.free).toBeGreaterThanOrEqual(0);
    expect(s.used).toBeGreaterThanOrEqual(0);
    expect(s.blocked).toBeGreaterThanOrEqual(0);
    expect(s.blocked).toBeLessThanOrEqual(s.used);
    expect(s.free + s.used).toBe(s.allocatable);
    expect(s.allocatable).toBeLessThanOrEqual(Math.max(s.capacity, s.allocatable));
    expect(s.overcommitted).toBe(Math.max(0, s.requested - s.allocatable));
  }
};

const checkCells = (m: NodeGpuModel) => {
  const ids = m.gpus.flatMap((g) => g.units.map((u) => u.id));
  expect(new Set(ids).size).toBe(ids.length); // no unit on two GPUs
  expect(new Set(m.gpus.map((g) => g.id)).size).toBe(m.gpus.length);
  expect(m.physical.total).toBe(m.gpus.length);
  for (const g of m.gpus) {
    let end = 0;
    for (const s of gpuSegments(g)) {
      expect(s.start).toBeGreaterThanOrEqual(end - 1e-9);
      expect(s.size).toBeGreaterThan(0);
      end = s.start + s.size;
    }
    expect(end).toBeLessThanOrEqual(g.slots + 1e-9);
  }
};

describe('GPU model properties', () => {
  it('device plugin: never negative, free + used = allocatable, units match the counts', () => {
    fc.assert(
      fc.property(
        nodeArb.chain((x) => fc.tuple(fc.constant(x), podsArb(x.resources))),
        ([{ n }, pods]) => {
          const m = buildGpuCluster({ nodes: [n], pods }).nodes[0]!;
          checkSummaries(m);
          checkCells(m);
          const units = m.gpus.flatMap((g) => g.units);
          for (const s of m.summaries) {
            const mine = units.filter((u) => u.resource === s.resource);
            expect(mine.length).toBe(Math.max(s.capacity, s.allocatable));
            expect(mine.filter((u) => u.state === 'allocated').length).toBe(s.used);
          }
        },
      ),
    );
  });

  it('the physical GPU count does not depend on how units are requested', () => {
    fc.assert(
      fc.property(
        nodeArb.chain((x) => fc.tuple(fc.constant(x), podsArb(x.resources))),
        ([{ n }, pods]) => {
          const idle = buildGpuCluster({ nodes: [n], pods: [] }).nodes[0]!;
          const busy = buildGpuCluster({ nodes: [n], pods }).nodes[0]!;
          expect(busy.physical.total).toBe(idle.physical.total);
          expect(busy.physical.byProduct).toEqual(idle.physical.byProduct);
          expect(busy.gpus.map((g) => [g.layout, g.slots, g.units.length])).toEqual(
            idle.gpus.map((g) => [g.layout, g.slots, g.units.length]),
          );
        },
      ),
    );
  });

  it('shares: replicas × GPUs advertised are that many GPUs, renamed or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 2, max: 16 }),
        fc.boolean(),
        (gpus, replicas, renamed) => {
          const resource = renamed ? 'nvidia.com/gpu.shared' : 'nvidia.com/gpu';
          const labels = nvidiaLabels('NVIDIA-A10G', gpus, { 'nvidia.com/gpu.replicas': String(replicas) });
          const m = buildGpuCluster({
            nodes: [node('n', { capacity: { [resource]: String(gpus * replicas) }, labels })],
            pods: [],
          }).nodes[0]!;
          expect(m.physical.total).toBe(gpus);
          expect(m.gpus.every((g) => g.layout === 'shared' && g.units.length === replicas)).toBe(true);
        },
      ),
    );
  });

  it('DRA: a MIG device and its parent are one GPU; holders never make counts negative', () => {
    fc.assert(
      fc.property(draArb, podsArb(['nvidia.com/gpu']), ({ slices, claims, gpus }, pods) => {
        const m = buildGpuCluster({ nodes: [node('n')], pods, slices, claims }).nodes[0]!;
        expect(m.physical.total).toBe(gpus);
        checkSummaries(m);
        checkCells(m);
        for (const g of m.gpus) {
          const whole = g.units.find((u) => u.kind === 'whole')!;
          const migHeld = g.units.some((u) => u.kind === 'mig' && u.state === 'allocated');
          if (migHeld && whole.state !== 'allocated') expect(whole.state).toBe('blocked');
          if (whole.state === 'allocated') expect(g.units.every((u) => u.state !== 'free')).toBe(true);
        }
      }),
    );
  });
});
