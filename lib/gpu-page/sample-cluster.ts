/**
 * A generated cluster for the GPU map's tests and benchmark: `n` nodes of eight GPUs each, in
 * turn whole (half held), MIG mixed (slices held), time-sliced (shares held) and DRA (claims
 * reserved by pods). Test and benchmark only; built with the GPU model's own fixture builders.
 */
import { buildGpuCluster } from '../gpu/model';
import type { GpuClusterModel } from '../gpu/model-types';
import type { GpuPod, ResourceClaim, ResourceSlice } from '../gpu/dra-types';
import type { Node } from '../kube-types';
import { claim, gpuDevice, node, nvidiaLabels, pod, slice } from '../gpu/test-fixtures';

/** The model of a generated cluster of `n` nodes × 8 GPUs. */
export function sampleCluster(n: number): GpuClusterModel {
  const nodes: Node[] = [],
    pods: GpuPod[] = [],
    slices: ResourceSlice[] = [],
    claims: ResourceClaim[] = [];
  for (let i = 0; i < n; i++) {
    const name = `node-${String(i).padStart(4, '0')}`;
    const zone = { 'topology.kubernetes.io/zone': `zone-${i % 3}` };
    const shape = i % 4;
    const hold = (p: number, limits: Record<string, string>) =>
      pods.push(pod(`p-${i}-${p}`, { namespace: `team-${i % 5}`, node: name, limits }));
    if (shape === 0) {
      nodes.push(
        node(name, {
          capacity: { 'nvidia.com/gpu': '8' },
          labels: { ...zone, ...nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8) },
        }),
      );
      for (let p = 0; p < 4; p++) hold(p, { 'nvidia.com/gpu': '1' });
    } else if (shape === 1) {
      nodes.push(
        node(name, {
          capacity: { 'nvidia.com/gpu': '4', 'nvidia.com/mig-1g.10gb': '14', 'nvidia.com/mig-3g.40gb': '4' },
          labels: { ...zone, ...nvidiaLabels('NVIDIA-H100-80GB-HBM3', 8, { 'nvidia.com/mig.strategy': 'mixed' }) },
        }),
      );
      for (let p = 0; p < 5; p++) hold(p, { 'nvidia.com/mig-1g.10gb': '1' });
      hold(5, { 'nvidia.com/mig-3g.40gb': '1' });
    } else if (shape === 2) {
      nodes.push(
        node(name, {
          capacity: { 'nvidia.com/gpu': '32' },
          labels: { ...zone, ...nvidiaLabels('NVIDIA-Tesla-T4-SHARED', 8, { 'nvidia.com/gpu.replicas': '4' }) },
        }),
      );
      for (let p = 0; p < 10; p++) hold(p, { 'nvidia.com/gpu': '1' });
    } else {
      nodes.push(node(name, { labels: zone }));
      slices.push(
        slice(
          name,
          Array.from({ length: 8 }, (_, g) => gpuDevice(g, 'NVIDIA A100-SXM4-80GB')),
        ),
      );
      for (let c = 0; c < 3; c++) {
        const cn = `claim-${i}-${c}`;
        claims.push(claim(cn, { namespace: 'ml', devices: [`gpu-${c}`], pool: name, reservedFor: [`dra-${i}-${c}`] }));
        pods.push(
          pod(`dra-${i}-${c}`, { namespace: 'ml', node: name, claims: [{ name: 'gpu', resourceClaimName: cn }] }),
        );
      }
    }
  }
  return buildGpuCluster({ nodes, pods, slices, claims });
}
