import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../kube-types';
import { buildGpuCluster } from './model';
import { claim, gpuDevice, node, pod, slice } from './test-fixtures';

describe('memoised rebuilds', () => {
  const nodes = [
    node('a', { capacity: { 'nvidia.com/gpu': '4' } }),
    node('b', { capacity: { 'nvidia.com/gpu': '4' } }),
    node('d'),
  ];
  const slices = [slice('d', [gpuDevice(0), gpuDevice(1)])];
  const pods = [
    pod('p', { node: 'a', limits: { 'nvidia.com/gpu': '1' } }),
    pod('q', { node: 'b', limits: { 'nvidia.com/gpu': '2' } }),
  ];
  const claims = [claim('c', { devices: ['gpu-0'], pool: 'd', reservedFor: ['x'] })];
  const first = buildGpuCluster({ nodes, pods, slices, claims });

  it('reuses a node whose inputs did not change, and recomputes one whose pods did', () => {
    const second = buildGpuCluster({
      nodes,
      pods: [pods[0]!, pod('q', { node: 'b', limits: { 'nvidia.com/gpu': '3' } })],
      slices,
      claims,
    });
    expect(second.nodes[0]).toBe(first.nodes[0]);
    expect(second.nodes[1]).not.toBe(first.nodes[1]);
    expect(second.nodes[1]!.summaries[0]).toMatchObject({ used: 3, free: 1 });
    expect(second.nodes[2]).toBe(first.nodes[2]);
  });

  it('recomputes a node when a pod moves away, a claim changes, or the node object is replaced', () => {
    const moved = buildGpuCluster({ nodes, pods: [pods[1]!], slices, claims });
    expect(moved.nodes[0]!.summaries[0]).toMatchObject({ used: 0, free: 4 });
    const released = buildGpuCluster({ nodes, pods, slices, claims: [claim('c', { pool: 'd' })] });
    expect(released.nodes[2]!.physical.free).toBe(2);
    const relabelled = buildGpuCluster({
      nodes: [node('a', { capacity: { 'nvidia.com/gpu': '8' } }), nodes[1]!, nodes[2]!],
      pods,
      slices,
      claims,
    });
    expect(relabelled.nodes[0]!.physical.total).toBe(8);
    expect(buildGpuCluster({ nodes, pods, slices, claims }).nodes[2]!.physical.free).toBe(1);
  });
});

describe('inputs', () => {
  it("takes the watch cache's core Pod and Node objects as they are", () => {
    const pods: Pod[] = [
      {
        metadata: { name: 'p', namespace: 'x', uid: 'u' },
        spec: { nodeName: 'n', containers: [{ name: 'c', resources: { limits: { 'nvidia.com/gpu': '1' } } }] },
      },
    ];
    const nodes: Node[] = [node('n', { capacity: { 'nvidia.com/gpu': '2' } })];
    expect(buildGpuCluster({ nodes, pods }).nodes[0]!.summaries[0]).toMatchObject({ used: 1, free: 1 });
  });
});
