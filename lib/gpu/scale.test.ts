import { describe, expect, it } from 'vitest';
import type { Node } from '../kube-types';
import type { GpuPod, ResourceClaim, ResourceSlice } from './dra-types';
import { gpuInventory } from './inventory';
import { buildGpuCluster } from './model';
import { claim, gpuDevice, migDevice, node, nvidiaLabels, pod, slice } from './test-fixtures';
import { gpuSegments } from './segments';
import { whereCanThisRun } from './where';

/**
 * 1,000 nodes × 8 GPUs in four shapes (whole, MIG mixed, time-sliced ×4, DRA: 8 GPU devices,
 * plus with `placements` every 1g/3g MIG placement as NVIDIA's driver publishes them: 80 devices
 * a node), 10,000 pods and 2,000 claims. Prints the times; the only bound asserted is generous,
 * so a busy machine cannot make it flake.
 */
function bigCluster(placements: boolean) {
  const nodes: Node[] = [],
    pods: GpuPod[] = [],
    slices: ResourceSlice[] = [],
    claims: ResourceClaim[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = `node-${i}`;
    const shape = i % 4;
    if (shape === 0)
      nodes.push(node(name, { capacity: { 'nvidia.com/gpu': '8' }, labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8) }));
    else if (shape === 1) {
      nodes.push(
        node(name, {
          capacity: { 'nvidia.com/gpu': '4', 'nvidia.com/mig-1g.10gb': '14', 'nvidia.com/mig-3g.40gb': '4' },
          labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8, { 'nvidia.com/mig.strategy': 'mixed' }),
        }),
      );
    } else if (shape === 2) {
      nodes.push(
        node(name, {
          capacity: { 'nvidia.com/gpu': '32' },
          labels: nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 8, { 'nvidia.com/gpu.replicas': '4' }),
        }),
      );
    } else {
      nodes.push(node(name));
      const devices = [];
      for (let g = 0; g < 8; g++) {
        devices.push(gpuDevice(g));
        if (!placements) continue;
        for (let k = 0; k < 7; k++) devices.push(migDevice(g, '1g.10gb', k, 1));
        devices.push(migDevice(g, '3g.40gb', 0, 4), migDevice(g, '3g.40gb', 4, 4));
      }
      slices.push(slice(name, devices));
      for (let c = 0; c < 8; c++) {
        const cn = `claim-${i}-${c}`;
        const device = c < 4 || !placements ? `gpu-${c}` : `gpu-${c}-mig-1g.10gb-${c % 7}-1`;
        claims.push(claim(cn, { devices: [device], pool: name, reservedFor: [`dra-${i}-${c}`] }));
        pods.push(pod(`dra-${i}-${c}`, { node: name, claims: [{ name: 'g', resourceClaimName: cn }] }));
      }
    }
  }
  for (let p = pods.length; p < 10_000; p++) {
    const i = p % 1000;
    const shape = i % 4;
    const limits: Record<string, string> =
      shape === 1 ? { 'nvidia.com/mig-1g.10gb': '1' } : shape === 3 ? {} : { 'nvidia.com/gpu': '1' };
    pods.push(
      pod(`p-${p}`, {
        node: p % 10 === 0 ? undefined : `node-${i}`,
        limits,
        ...(p % 10 === 0 ? { unschedulable: 'Insufficient nvidia.com/gpu' } : {}),
      }),
    );
  }
  return { nodes, pods, slices, claims };
}

const ms = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `min ${sorted[0]!.toFixed(1)} / median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms`;
};

/**
 * Lets a just-built input age as a server's cache has: short-lived garbage makes the young
 * generation collect a few times, which moves the input to the old one, so the build measured
 * does not pay for promoting objects it did not create.
 */
function age(): number {
  let sum = 0;
  for (let k = 0; k < 300; k++) sum += new Array<number>(50_000).fill(k).length;
  return sum;
}

/** Wall time of a full build of fresh copies (nothing memoised), after warming the JIT on one. */
function fullBuilds(placements: boolean, runs: number) {
  for (let r = 0; r < 2; r++) buildGpuCluster(bigCluster(placements));
  const times: number[] = [];
  let input = bigCluster(placements),
    model = buildGpuCluster(input);
  for (let r = 0; r < runs; r++) {
    input = bigCluster(placements);
    age();
    const t0 = performance.now();
    model = buildGpuCluster(input);
    times.push(performance.now() - t0);
  }
  return { input, model, times };
}

describe('GPU model at scale', () => {
  it('computes 1,000 nodes × 8 GPUs with 10,000 pods quickly', { timeout: 120_000 }, () => {
    const withPlacements = fullBuilds(true, 3);
    const { input, times } = fullBuilds(false, 3);
    let model = buildGpuCluster(input);
    // A rebuild after one pod changed, as after a watch event: unchanged nodes come from the memo.
    const again: number[] = [];
    for (let r = 0; r < 5; r++) {
      const i = 1 + r * 4;
      input.pods[5000 + i] = pod(`changed-${r}`, { node: `node-${i}`, limits: { 'nvidia.com/mig-1g.10gb': '1' } });
      const t0 = performance.now();
      model = buildGpuCluster(input);
      again.push(performance.now() - t0);
    }
    const t1 = performance.now();
    const inv = gpuInventory(model.nodes);
    const where = whereCanThisRun(model.nodes, { ask: { kind: 'mig', profile: '1g.10gb', count: 2 } });
    const tail = performance.now() - t1;
    const t2 = performance.now();
    let cells = 0;
    for (const n of model.nodes) for (const g of n.gpus) cells += gpuSegments(g).length;
    const map = performance.now() - t2;
    console.log(
      `[gpu-model] 1,000 nodes × 8 GPUs, 10,000 pods, ${input.claims.length} claims: full build ${ms(times)}; ` +
        `rebuild after one pod changed ${ms(again)}; inventory + where ${tail.toFixed(1)} ms; segments of all 8,000 GPUs (${cells}) ${map.toFixed(1)} ms; ` +
        `with every MIG placement published on the 250 DRA nodes (20,000 devices) full build ${ms(withPlacements.times)}`,
    );
    expect(inv.physical.total).toBe(8000);
    expect(gpuInventory(withPlacements.model.nodes).physical.total).toBe(8000);
    expect(where.ok).toBe(true);
    expect(
      model.nodes.find((n) => n.node === 'node-1')!.summaries.find((s) => s.key === 'nvidia.com/mig-1g.10gb')!
        .requested,
    ).toBeGreaterThan(0);
    expect(Math.min(...times)).toBeLessThan(5000);
  });
});
