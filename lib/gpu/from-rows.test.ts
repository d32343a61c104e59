import { describe, expect, it } from 'vitest';
import { toResourceClaimRow, toResourceSliceRow } from '../dra-rows';
import { toNodeRow, toPodRow } from '../views';
import { claimFromRow, gpuInputFromRows, nodeFromRow, podFromRow } from './from-rows';
import { nodeGpuNumbers } from './inventory';
import { buildGpuCluster } from './model';
import { claim, gpuDevice, migDevice, node, nvidiaLabels, pod, slice } from './test-fixtures';

const cluster = () => {
  const nodes = [
    node('mixed', {
      capacity: { cpu: '64', 'nvidia.com/gpu': '6', 'nvidia.com/mig-1g.10gb': '7', 'nvidia.com/mig-3g.40gb': '1' },
      labels: nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8, { 'nvidia.com/mig.strategy': 'mixed' }),
    }),
    node('shared', {
      capacity: { 'nvidia.com/gpu.shared': '8' },
      labels: nvidiaLabels('NVIDIA-L4', 2, { 'nvidia.com/gpu.replicas': '4' }),
    }),
    node('dra', { capacity: { cpu: '32' } }),
  ];
  const pods = [
    pod('whole', { node: 'mixed', limits: { 'nvidia.com/gpu': '2' } }),
    pod('slice', { node: 'mixed', limits: { 'nvidia.com/mig-1g.10gb': '1' } }),
    pod('share', { node: 'shared', limits: { 'nvidia.com/gpu.shared': '1' } }),
    pod('dra-pod', {
      node: 'dra',
      claims: [{ name: 'gpu', resourceClaimTemplateName: 't' }],
      claimStatuses: [{ name: 'gpu', resourceClaimName: 'dra-pod-gpu-x' }],
    }),
    pod('waiting', {
      limits: { 'nvidia.com/mig-3g.40gb': '2' },
      unschedulable: '0/3 nodes are available: 1 Insufficient nvidia.com/mig-3g.40gb.',
    }),
    pod('plain', { node: 'dra' }),
  ];
  const slices = [slice('dra', [gpuDevice(0), gpuDevice(1), migDevice(2, '1g.10gb', 0, 1)], { pool: 'dra' })];
  const claims = [
    claim('dra-pod-gpu-x', { devices: ['gpu-1'], pool: 'dra', reservedFor: ['dra-pod'] }),
    claim('lonely', { pool: 'dra' }),
  ];
  return { nodes, pods, slices, claims };
};

describe('the row adapter', () => {
  it('builds, from rows, the same model as from the objects', () => {
    const c = cluster();
    const direct = buildGpuCluster(c);
    const fromRows = buildGpuCluster(
      gpuInputFromRows({
        nodes: c.nodes.map(toNodeRow),
        pods: c.pods.map(toPodRow),
        slices: c.slices.map(toResourceSliceRow),
        claims: c.claims.map(toResourceClaimRow),
      }),
    );
    expect(fromRows.nodes.map(nodeGpuNumbers)).toEqual(direct.nodes.map(nodeGpuNumbers));
    expect(fromRows.nodes.map((n) => n.summaries)).toEqual(direct.nodes.map((n) => n.summaries));
    expect(fromRows.nodes.map((n) => n.gpus)).toEqual(direct.nodes.map((n) => n.gpus));
    expect(fromRows.pendingPods).toEqual(direct.pendingPods);
    expect(fromRows.pendingClaims).toEqual(direct.pendingClaims);
    expect([...fromRows.holdings]).toEqual([...direct.holdings]);
    // What was built is what the pages read: MIG slice, share and DRA device held, the 3g pod pending.
    expect(direct.holdings.get('default/dra-pod')!.claims[0]!.devices).toEqual([
      { driver: 'gpu.nvidia.com', pool: 'dra', device: 'gpu-1' },
    ]);
    expect(direct.pendingPods.map((p) => p.pod.name)).toEqual(['waiting']);
  });

  it('returns the same object for the same row, so the model memoises across rebuilds', () => {
    const c = cluster();
    const nodeRows = c.nodes.map(toNodeRow);
    const podRows = c.pods.map(toPodRow);
    expect(nodeFromRow(nodeRows[0]!)).toBe(nodeFromRow(nodeRows[0]!));
    expect(podFromRow(podRows[0]!)).toBe(podFromRow(podRows[0]!));
    const claimRow = toResourceClaimRow(c.claims[0]!);
    expect(claimFromRow(claimRow)).toBe(claimFromRow(claimRow));
    const first = buildGpuCluster(gpuInputFromRows({ nodes: nodeRows, pods: podRows }));
    // One pod changes (a new row object): the other nodes' models are reused as they were.
    const changed = podRows.map((p) => (p.name === 'share' ? { ...p, phase: 'Succeeded' } : p));
    const second = buildGpuCluster(gpuInputFromRows({ nodes: nodeRows, pods: changed }));
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    expect(second.nodes[1]!.summaries[0]!.requested).toBe(0);
  });

  it('leaves out pods that ask for no GPU unit and no claim', () => {
    const c = cluster();
    const input = gpuInputFromRows({ nodes: [], pods: c.pods.map(toPodRow) });
    expect(input.pods.map((p) => p.metadata.name)).not.toContain('plain');
    expect(input.pods).toHaveLength(5);
  });

  it('keeps a terminating pod out of the pending list, as the model does for objects', () => {
    const p = pod('going', { limits: { 'nvidia.com/gpu': '1' } });
    p.metadata.deletionTimestamp = '2026-01-02T00:00:00Z';
    const m = buildGpuCluster(gpuInputFromRows({ nodes: [], pods: [toPodRow(p)] }));
    expect(m.pendingPods).toEqual([]);
  });
});
