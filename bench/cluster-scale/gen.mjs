#!/usr/bin/env node
// Writes the objects of the cluster-scale benchmark as kubectl-readable JSON `List` files:
//   namespaces.json, nodes-<i>.json, deployments.json, pods-<i>.json, churn-targets.txt
// Usage: node gen.mjs <outDir>
// Env (defaults give 1,000 nodes and 10,000 pods):
//   BENCH_NODES=1000 BENCH_GPU_NODES=300 BENCH_NAMESPACES=20 BENCH_DEPLOYMENTS_PER_NS=4
//   BENCH_REPLICAS=100 BENCH_PLAIN_PODS_PER_NS=100 BENCH_CHUNKS=4
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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
const podSpec = (app, k, extraEnv) => ({
  containers: [
    {
      name: app,
      image: `registry.imagepod.local/bench/${k.name}:1.${k.name.length}.0`,
      env: extraEnv,
      ports: [{ containerPort: 8080, name: 'http' }],
      resources: {
        requests: { cpu: k.cpu, memory: k.memory, ...(k.gpu ? { 'nvidia.com/gpu': String(k.gpu) } : {}) },
        limits: { memory: k.memory, ...(k.gpu ? { 'nvidia.com/gpu': String(k.gpu) } : {}) },
      },
    },
  ],
  terminationGracePeriodSeconds: 0,
});
for (let n = 0; n < NAMESPACES; n++) {
  const ns = `bench-${pad(n, 2)}`;
  const team = `team-${pad(n % 7, 2)}`;
  namespaces.push({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: ns, labels: { 'imagepod.io/bench': 'cluster-scale', team } },
  });
  for (let d = 0; d < DEPLOYMENTS; d++) {
    const k = KINDS[d % KINDS.length];
    const app = `${k.name}${d >= KINDS.length ? `-${d}` : ''}`;
    const labels = { app, team, tier: k.gpu ? 'gpu' : 'cpu', 'app.kubernetes.io/part-of': 'imagepod-bench' };
    deployments.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app, namespace: ns, labels },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template: { metadata: { labels }, spec: podSpec(app, k, [{ name: 'MODE', value: 'bench' }]) },
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
      spec: { ...podSpec('job', k, [{ name: 'JOB_INDEX', value: String(p) }]), restartPolicy: 'Never' },
    });
    churnTargets.push(`${ns}/${name}`);
  }
}
write('namespaces.json', namespaces);
write('deployments.json', deployments);
chunked('pods', pods);
writeFileSync(path.join(out, 'churn-targets.txt'), churnTargets.join('\n') + '\n');

const expectedPods = NAMESPACES * (DEPLOYMENTS * REPLICAS + PLAIN);
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
    gpuRequested:
      NAMESPACES * (Math.floor((DEPLOYMENTS + KINDS.length - 2) / KINDS.length) * REPLICAS + Math.ceil(PLAIN / 20)),
  }),
);
console.log(
  `${NODES} nodes (${GPU_NODES} GPU), ${NAMESPACES} namespaces, ${deployments.length} Deployments x ${REPLICAS}, ${pods.length} plain pods = ${expectedPods} pods`,
);
