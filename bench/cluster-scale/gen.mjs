#!/usr/bin/env node
// Writes the objects of the cluster-scale benchmark as kubectl-readable JSON `List` files:
//   namespaces.json, nodes-<i>.json, deployments.json, pods-<i>.json, churn-targets.txt
//   and with BENCH_DRA=1 also dra-cluster-<i>.json (DeviceClass + ResourceSlices), dra-claims-<i>.json
// Usage: node gen.mjs <outDir>
// Env (defaults give 1,000 nodes and 10,000 pods):
//   BENCH_NODES=1000 BENCH_GPU_NODES=300 BENCH_NAMESPACES=20 BENCH_DEPLOYMENTS_PER_NS=4
//   BENCH_REPLICAS=100 BENCH_PLAIN_PODS_PER_NS=100 BENCH_CHUNKS=4
//   BENCH_DRA=1 (off by default): every node gets a ResourceSlice of 8 GPUs (driver gpu.nvidia.com,
//   as devcluster/fixtures/gpu-fixtures.mjs publishes them); the GPU trainer Deployments ask for a
//   device through a ResourceClaimTemplate instead of `nvidia.com/gpu` (one generated claim per
//   pod), and each plain pod names a standalone ResourceClaim of its own: with the defaults
//   2,000 + 2,000 = 4,000 claims, all allocated by the real scheduler, and still 10,000 pods.
//   BENCH_DRA_EXTRA_CLAIMS_PER_NS (0): standalone claims no pod names (they stay pending).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gpuUuid } from '../../devcluster/metrics/series.mjs';
import { DRA_DRIVER, deviceClasses } from '../../devcluster/fixtures/gpu-fixtures.mjs';

const out = process.argv[2];
if (!out) {
  console.error('usage: gen.mjs <outDir>');
  process.exit(2);
}
const int = (name, def) => {
  const v = Number(process.env[name] ?? def);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be an integer`);
  return v;
};
const NODES = int('BENCH_NODES', 1000);
const GPU_NODES = Math.min(NODES, int('BENCH_GPU_NODES', Math.round(NODES * 0.3)));
const NAMESPACES = int('BENCH_NAMESPACES', 20);
const DEPLOYMENTS = int('BENCH_DEPLOYMENTS_PER_NS', 4);
const REPLICAS = int('BENCH_REPLICAS', 100);
const PLAIN = int('BENCH_PLAIN_PODS_PER_NS', 100);
const CHUNKS = Math.max(1, int('BENCH_CHUNKS', 4));
const DRA = process.env.BENCH_DRA === '1';
const DRA_EXTRA = DRA ? int('BENCH_DRA_EXTRA_CLAIMS_PER_NS', 0) : 0;
const DRA_DEVICES = 8;

mkdirSync(out, { recursive: true });
const list = (items) => ({ apiVersion: 'v1', kind: 'List', items });
const write = (name, items) => writeFileSync(path.join(out, name), JSON.stringify(list(items)));
const chunked = (prefix, items) => {
  const size = Math.ceil(items.length / CHUNKS) || 1;
  for (let i = 0; i * size < items.length; i++) write(`${prefix}-${i}.json`, items.slice(i * size, (i + 1) * size));
};
const pad = (n, w) => String(n).padStart(w, '0');
const ZONES = ['zone-a', 'zone-b', 'zone-c'];

// --- nodes: a CPU/GPU mix; capacity lives in status, which the API server keeps on create.
const nodes = [];
for (let i = 0; i < NODES; i++) {
  const gpu = i < GPU_NODES;
  const name = gpu ? `gpu-node-${pad(i, 4)}` : `cpu-node-${pad(i - GPU_NODES, 4)}`;
  const h100 = gpu && i % 3 === 2;
  const labels = {
    type: 'kwok',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'topology.kubernetes.io/zone': ZONES[i % ZONES.length],
    'node.kubernetes.io/instance-type': gpu ? (h100 ? 'p5.48xlarge' : 'p4d.24xlarge') : 'm5.8xlarge',
    'imagepod.io/pool': gpu ? 'gpu' : 'cpu',
  };
  // A few GPU nodes without accelerator labels: discovery by capacity only, as on real clusters.
  if (gpu && i % 50 !== 7) {
    labels.accelerator = h100 ? 'nvidia-h100' : 'nvidia-a100';
    labels['nvidia.com/gpu.product'] = h100 ? 'NVIDIA-H100-80GB-HBM3' : 'NVIDIA-A100-SXM4-80GB';
    labels['nvidia.com/gpu.memory'] = '81920';
    labels['nvidia.com/gpu.count'] = '8';
  }
  const res = gpu
    ? { cpu: '96', memory: '1152Gi', pods: '110', 'nvidia.com/gpu': '8', 'ephemeral-storage': '4Ti' }
    : { cpu: '32', memory: '128Gi', pods: '110', 'ephemeral-storage': '500Gi' };
  nodes.push({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels, annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'kwok.x-k8s.io/node': 'fake' } },
    status: { capacity: res, allocatable: res },
  });
}
chunked('nodes', nodes);

// --- DRA: one ResourceSlice per node (pool = node name), devices gpu-0..7 as NVIDIA's kubelet
// plugin names them, with the attributes and capacity the devcluster fixtures use.
const draCluster = [];
if (DRA) {
  draCluster.push(...deviceClasses().filter((c) => c.metadata.name === DRA_DRIVER));
  nodes.forEach((n, i) => {
    const h100 = i % 3 === 2;
    const productName = { string: h100 ? 'NVIDIA H100 80GB HBM3' : 'NVIDIA A100-SXM4-80GB' };
    draCluster.push({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceSlice',
      metadata: { name: `${n.metadata.name}-${DRA_DRIVER}` },
      spec: {
        driver: DRA_DRIVER,
        nodeName: n.metadata.name,
        pool: { name: n.metadata.name, generation: 1, resourceSliceCount: 1 },
        devices: Array.from({ length: DRA_DEVICES }, (_, d) => ({
          name: `gpu-${d}`,
          attributes: {
            type: { string: 'gpu' },
            uuid: { string: gpuUuid(n.metadata.name, d) },
            productName,
            brand: { string: 'Nvidia' },
            architecture: { string: h100 ? 'Hopper' : 'Ampere' },
          },
          capacity: { memory: { value: '81920Mi' } },
        })),
      },
    });
  });
  chunked('dra-cluster', draCluster);
}
const draClaims = [];
/** One GPU of the class, as a user would ask for it (`exactly`, v1's shape). */
const gpuRequest = () => ({
  devices: {
    requests: [{ name: 'gpu', exactly: { deviceClassName: DRA_DRIVER, allocationMode: 'ExactCount', count: 1 } }],
  },
});

// --- namespaces, Deployments (the controller-manager makes their ReplicaSets and pods) and plain pods.
const namespaces = [];
const deployments = [];
const pods = [];
const churnTargets = [];
const KINDS = [
  { name: 'api', cpu: '250m', memory: '512Mi', gpu: 0 },
  { name: 'trainer', cpu: '4', memory: '32Gi', gpu: 1 },
  { name: 'worker', cpu: '500m', memory: '1Gi', gpu: 0 },
  { name: 'inference', cpu: '1', memory: '4Gi', gpu: 0 },
];
// A pod's GPU is an extended resource, or with `claim` (DRA) a pod claim: `{ template }` (one
// claim generated per pod) or `{ claim }` (a standalone claim of that name).
const podSpec = (app, k, extraEnv, claim) => {
  const gpu = k.gpu && !claim ? { 'nvidia.com/gpu': String(k.gpu) } : {};
  return {
    containers: [
      {
        name: app,
        image: `registry.imagepod.local/bench/${k.name}:1.${k.name.length}.0`,
        env: extraEnv,
        ports: [{ containerPort: 8080, name: 'http' }],
        resources: {
          requests: { cpu: k.cpu, memory: k.memory, ...gpu },
          limits: { memory: k.memory, ...gpu },
          ...(claim ? { claims: [{ name: 'gpu' }] } : {}),
        },
      },
    ],
    ...(claim
      ? {
          resourceClaims: [
            claim.template
              ? { name: 'gpu', resourceClaimTemplateName: claim.template }
              : { name: 'gpu', resourceClaimName: claim.claim },
          ],
        }
      : {}),
    terminationGracePeriodSeconds: 0,
  };
};
for (let n = 0; n < NAMESPACES; n++) {
  const ns = `bench-${pad(n, 2)}`;
  const team = `team-${pad(n % 7, 2)}`;
  namespaces.push({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { 'imagepod.io/bench': 'cluster-scale', team } },
  });
  if (DRA)
    draClaims.push({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaimTemplate',
      metadata: { name: 'one-gpu', namespace: ns },
      spec: { spec: gpuRequest() },
    });
  for (let d = 0; d < DEPLOYMENTS; d++) {
    const k = KINDS[d % KINDS.length];
    const app = `${k.name}${d >= KINDS.length ? `-${d}` : ''}`;
    const claim = DRA && k.gpu ? { template: 'one-gpu' } : undefined;
    const labels = { app, team, tier: k.gpu ? 'gpu' : 'cpu', 'app.kubernetes.io/part-of': 'imagepod-bench' };
    deployments.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: ns, labels },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: { metadata: { labels }, spec: podSpec(app, k, [{ name: 'MODE', value: 'bench' }], claim) },
      },
    });
  }
  for (let p = 0; p < PLAIN; p++) {
    const name = `job-${pad(p, 4)}`;
    const k =
      p % 20 === 0
        ? { name: 'finetune', cpu: '2', memory: '16Gi', gpu: 1 }
        : { name: 'job', cpu: '100m', memory: '256Mi', gpu: 0 };
    pods.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        labels: { app: 'job', team, 'job-index': String(p), 'app.kubernetes.io/part-of': 'imagepod-bench' },
      },
      spec: {
        ...podSpec('job', k, [{ name: 'JOB_INDEX', value: String(p) }], DRA ? { claim: `${name}-gpu` } : undefined),
        restartPolicy: 'Never',
      },
    });
    churnTargets.push(`${ns}/${name}`);
  }
  if (DRA)
    for (let c = 0; c < PLAIN + DRA_EXTRA; c++)
      draClaims.push({
        apiVersion: 'resource.k8s.io/v1',
        kind: 'ResourceClaim',
        metadata: { name: `job-${pad(c, 4)}-gpu`, namespace: ns, labels: { app: 'job', team } },
        spec: gpuRequest(),
      });
}
if (DRA) chunked('dra-claims', draClaims);
write('namespaces.json', namespaces);
write('deployments.json', deployments);
chunked('pods', pods);
writeFileSync(path.join(out, 'churn-targets.txt'), churnTargets.join('\n') + '\n');

const expectedPods = NAMESPACES * (DEPLOYMENTS * REPLICAS + PLAIN);
const gpuDeployments = Math.floor((DEPLOYMENTS + KINDS.length - 2) / KINDS.length);
// With DRA the trainers' GPUs are claims (one generated per pod); the plain pods each name one.
const templateClaims = DRA ? NAMESPACES * gpuDeployments * REPLICAS : 0;
const standaloneClaims = DRA ? NAMESPACES * (PLAIN + DRA_EXTRA) : 0;
writeFileSync(
  path.join(out, 'expected.json'),
  JSON.stringify({
    nodes: NODES,
    gpuNodes: GPU_NODES,
    namespaces: NAMESPACES,
    deployments: deployments.length,
    deploymentPods: NAMESPACES * DEPLOYMENTS * REPLICAS,
    plainPods: pods.length,
    pods: expectedPods,
    gpuCapacity: GPU_NODES * 8,
    gpuRequested: DRA ? 0 : NAMESPACES * (gpuDeployments * REPLICAS + Math.ceil(PLAIN / 20)),
    dra: DRA
      ? {
          resourceSlices: NODES,
          devices: NODES * DRA_DEVICES,
          templateClaims,
          standaloneClaims,
          claims: templateClaims + standaloneClaims,
          allocatedClaims: templateClaims + NAMESPACES * PLAIN,
        }
      : null,
  }),
);
console.log(
  `${NODES} nodes (${GPU_NODES} GPU), ${NAMESPACES} namespaces, ${deployments.length} Deployments x ${REPLICAS}, ${pods.length} plain pods = ${expectedPods} pods` +
    (DRA
      ? `; DRA: ${NODES} ResourceSlices x ${DRA_DEVICES} devices, ${templateClaims} claims from templates + ${standaloneClaims} standalone`
      : ''),
);
