import { describe, expect, it } from 'vitest';
import type { Node } from '../kube-types';
import type { GpuPod, ResourceClaim, ResourceSlice } from './dra-types';
import { gpuInventory } from './inventory';
import { buildGpuCluster } from './model';
import { claim, gpuDevice, migDevice, node, nvidiaLabels, pod, slice } from './test-fixtures';
import { whereCanThisRun } from './where';

/**
 * 1,000 nodes × 8 GPUs in four shapes (whole, MIG mixed, time-sliced ×4, DRA with every
 * 1g/3g placement published), 10,000 pods and 2,000 claims. Prints the time; the only bound
 * asserted is generous, so a busy machine cannot make it flake.
 */
function bigCluster() {
  const nodes: Node[] = [], pods: GpuPod[] = [], slices: ResourceSlice[] = [], claims: ResourceClaim[] = [];
  for (let i = 0; i < 1000; i++) {
    const name = `node-${i}`;
    const shape = i % 4;
    if (shape === 0) nodes.push(node(name, { capacity: { 'nvidia.com/gpu': '8' }, labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8) }));
    else if (shape === 1) {
      nodes.push(node(name, {
        capacity: { 'nvidia.com/gpu': '4', 'nvidia.com/mig-1g.10gb': '14', 'nvidia.com/mig-3g.40gb': '4' },
        labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8, { 'nvidia.com/mig.strategy': 'mixed' }),
      }));
    } else if (shape === 2) {
      nodes.push(node(name, { capacity: { 'nvidia.com/gpu': '32' }, labels: nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 8, { 'nvidia.com/gpu.replicas': '4' }) }));
    } else {
      nodes.push(node(name));
      const devices = [];
      for (let g = 0; g < 8; g++) {
        devices.push(gpuDevice(g));
        for (let k = 0; k < 7; k++) devices.push(migDevice(g, '1g.10gb', k, 1));
        devices.push(migDevice(g, '3g.40gb', 0, 4), migDevice(g, '3g.40gb', 4, 4));
      }
      slices.push(slice(name, devices));
      for (let c = 0; c < 8; c++) {
        const cn = `claim-${i}-${c}`;
        const device = c < 4 ? `gpu-${c}` : `gpu-${c}-mig-1g.10gb-${c % 7}-1`;
        claims.push(claim(cn, { devices: [device], pool: name, reservedFor: [`dra-${i}-${c}`] }));
        pods.push(pod(`dra-${i}-${c}`, { node: name, claims: [{ name: 'g', resourceClaimName: cn }] }));
      }
    }
  }
  for (let p = pods.length; p < 10_000; p++) {
    const i = p % 1000;
    const shape = i % 4;
    const limits: Record<string, string> = shape === 1 ? { 'nvidia.com/mig-1g.10gb': '1' } : shape === 3 ? {} : { 'nvidia.com/gpu': '1' };
    pods.push(pod(`p-${p}`, { node: p % 10 === 0 ? undefined : `node-${i}`, limits, ...(p % 10 === 0 ? { unschedulable: 'Insufficient nvidia.com/gpu' } : {}) }));
  }
  return { nodes, pods, slices, claims };
}

describe('GPU model at scale', () => {
  it('computes 1,000 nodes × 8 GPUs with 10,000 pods quickly', () => {
    const input = bigCluster();
    buildGpuCluster(input); // warm up the JIT once, as a long-running server is
    const runs: number[] = [];
    let model = buildGpuCluster(input);
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now();
      model = buildGpuCluster(input);
      runs.push(performance.now() - t0);
    }
    const t1 = performance.now();
    const inv = gpuInventory(model.nodes);
    const where = whereCanThisRun(model.nodes, { ask: { kind: 'mig', profile: '1g.10gb', count: 2 } });
    const tail = performance.now() - t1;
    console.log(`[gpu-model] 1,000 nodes × 8 GPUs, 10,000 pods, ${input.claims.length} claims: model ${runs.map((x) => x.toFixed(1)).join(' / ')} ms; inventory + where ${tail.toFixed(1)} ms`);
    expect(inv.physical.total).toBe(8000);
    expect(where.ok).toBe(true);
    expect(Math.min(...runs)).toBeLessThan(5000);
  });
});
