#!/usr/bin/env node
/**
 * Writes 24 h (+15 min) of metrics for N synthetic GPU nodes as OpenMetrics text, ending now, for
 * `promtool tsdb create-blocks-from openmetrics` (the benchmark's Prometheus cannot wait a day).
 * The values come from the devcluster simulator's own functions (devcluster/metrics/series.mjs).
 *
 *   node bench/metrics/backfill.mjs <out file> [nodes=20] [interval s=60]
 * Per node: 8 A100 GPUs, GPUs 0–5 held by a pod each (GPU 5 idle at 2 % on the first three nodes),
 * 6–7 free; kube-state-metrics' GPU series for those pods and nodes; cAdvisor CPU/memory per pod;
 * the ImagePod API's request counters and latency histogram; ready replicas of the components.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  API_ROUTES,
  LATENCY_BUCKETS,
  gpuLabels,
  gpuSample,
  latencyFraction,
  waveCounter,
} from '../../devcluster/metrics/series.mjs';

const [out, nodesArg = '20', intervalArg = '60'] = process.argv.slice(2);
const N = Number(nodesArg);
const STEP = Number(intervalArg);
const END = Math.floor(Date.now() / 1000 / STEP) * STEP;
const START = END - 86_400 - 900;
const times = [];
for (let t = START; t <= END; t += STEP) times.push(t);

const file = createWriteStream(out);
async function write(s) {
  if (!file.write(s)) await once(file, 'drain');
}
const fmt = (l) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;

/** One metric family: every series contiguous, each with ascending timestamps (OpenMetrics' rule). */
async function family(name, series) {
  await write(`# TYPE ${name} gauge\n`);
  for (const { labels, value } of series) {
    const l = fmt(labels);
    let chunk = '';
    for (const t of times) chunk += `${name}${l} ${value(t)} ${t}\n`;
    await write(chunk);
  }
}

const nodes = Array.from({ length: N }, (_, i) => `bench-gpu-node-${String(i + 1).padStart(2, '0')}`);
const gpus = nodes.flatMap((node, n) =>
  Array.from({ length: 8 }, (_, index) => ({
    node,
    index,
    model: 'NVIDIA A100-SXM4-80GB',
    memoryMiB: 81_920,
    holder:
      index < 6
        ? {
            namespace: 'bench',
            pod: `train-${n + 1}-${index}`,
            container: 'main',
            util: index === 5 && n < 3 ? 2 : undefined,
          }
        : null,
  })),
);
const pods = gpus
  .filter((g) => g.holder)
  .map((g) => ({ namespace: g.holder.namespace, pod: g.holder.pod, container: 'main', node: g.node }));

for (const metric of [
  'DCGM_FI_DEV_GPU_UTIL',
  'DCGM_FI_DEV_FB_USED',
  'DCGM_FI_DEV_FB_FREE',
  'DCGM_FI_DEV_GPU_TEMP',
  'DCGM_FI_DEV_POWER_USAGE',
]) {
  await family(
    metric,
    gpus.map((g) => ({ labels: gpuLabels(g), value: (t) => gpuSample(g, t)[metric] })),
  );
}
await family(
  'kube_node_status_allocatable',
  nodes.map((node) => ({ labels: { node, resource: 'nvidia_com_gpu', unit: 'integer' }, value: () => 8 })),
);
await family(
  'kube_pod_container_resource_requests',
  pods.map((p) => ({
    labels: {
      namespace: p.namespace,
      pod: p.pod,
      container: 'main',
      node: p.node,
      resource: 'nvidia_com_gpu',
      unit: 'integer',
    },
    value: () => 1,
  })),
);
await family(
  'kube_pod_status_phase',
  pods.map((p) => ({ labels: { namespace: p.namespace, pod: p.pod, phase: 'Running' }, value: () => 1 })),
);
await family('kube_statefulset_status_replicas_ready', [
  { labels: { namespace: 'imagepod', statefulset: 'postgres' }, value: () => 1 },
]);
await family('kube_deployment_status_replicas_available', [
  { labels: { namespace: 'imagepod', deployment: 'redis' }, value: () => 1 },
]);
await family('kube_daemonset_status_number_ready', [
  { labels: { namespace: 'imagepod', daemonset: 'imagepod-gpu-worker' }, value: () => N },
]);
await family(
  'container_cpu_usage_seconds_total',
  pods.map((p, i) => ({ labels: p, value: (t) => waveCounter(0.5 + (i % 7) / 4, t).toFixed(3) })),
);
await family(
  'container_memory_working_set_bytes',
  pods.map((p, i) => ({ labels: p, value: () => (2 + (i % 9)) * 2 ** 30 })),
);

const api = { job: 'imagepod-api', namespace: 'imagepod' };
await family(
  'http_requests_total',
  API_ROUTES.flatMap((r) =>
    Object.entries(r.rates).map(([status, rate]) => ({
      labels: { ...api, method: r.method, path: r.path, status },
      value: (t) => waveCounter(rate, t).toFixed(3),
    })),
  ),
);
const total = (r, t) => Object.values(r.rates).reduce((a, rate) => a + waveCounter(rate, t), 0);
await family(
  'http_request_duration_seconds_bucket',
  API_ROUTES.flatMap((r) =>
    [...LATENCY_BUCKETS, '+Inf'].map((le) => ({
      labels: { ...api, method: r.method, path: r.path, le },
      value: (t) => (total(r, t) * (le === '+Inf' ? 1 : latencyFraction(le, r.median))).toFixed(3),
    })),
  ),
);
await write('# EOF\n');
file.end();
await once(file, 'finish');
console.error(
  `[backfill] ${nodes.length} nodes, ${gpus.length} GPUs, ${times.length} samples per series, ${new Date(START * 1000).toISOString()} → ${new Date(END * 1000).toISOString()}`,
);
