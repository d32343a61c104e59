#!/usr/bin/env node
/**
 * The devcluster's metrics simulator (test/demo infrastructure; kwok runs no containers, so no
 * real exporter has anything to measure). Reads the nodes and pods from the real API server
 * every 2 s and serves, on 127.0.0.1:<port>:
 *   /metrics/dcgm      DCGM-exporter series for every GPU of every node with nvidia.com/gpu
 *                      capacity; a GPU is held by a pod bound to that node that requests
 *                      nvidia.com/gpu (stable assignment, first come first served)
 *   /metrics/api       the ImagePod API's http_requests_total and latency histogram
 *   /metrics/cadvisor  cAdvisor-like CPU/memory series for every running pod
 * Values come from series.mjs (deterministic). A pod annotated `imagepod.io/sim-util: "3"` keeps
 * its GPUs at 3 %; others are busy (20–90 %).
 *
 *   node devcluster/metrics/sim.mjs <port> <kubectl> <kubeconfig>
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { API_ROUTES, LATENCY_BUCKETS, SIM_UTIL_ANNOTATION, gpuLabels, gpuSample, latencyFraction, waveCounter } from './series.mjs';

const [port, kubectl, kubeconfig] = process.argv.slice(2);
const run = promisify(execFile);
/** node → array of slot holders (null = free); kept across refreshes so assignments never move. */
const slots = new Map();
let state = { nodes: [], pods: [] };

const qty = (s) => (s === undefined ? 0 : s.endsWith('m') ? Number(s.slice(0, -1)) / 1000 : Number.parseFloat(s) * ({ Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[s.replace(/^[\d.]+/, '')] ?? 1));
const holds = (p) => p.spec.nodeName && !['Succeeded', 'Failed'].includes(p.status?.phase);

async function refresh() {
  const { stdout } = await run(kubectl, ['get', 'nodes,pods', '-A', '-o', 'json'], { env: { ...process.env, KUBECONFIG: kubeconfig }, maxBuffer: 256 << 20 });
  const items = JSON.parse(stdout).items;
  const nodes = items.filter((o) => o.kind === 'Node');
  const pods = items.filter((o) => o.kind === 'Pod' && holds(o))
    .sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
  const live = new Set(pods.map((p) => p.metadata.uid));
  for (const node of nodes) {
    const n = Number(node.status?.capacity?.['nvidia.com/gpu'] ?? 0);
    const s = (slots.get(node.metadata.name) ?? []).slice(0, n).map((h) => (h && live.has(h.uid) ? h : null));
    while (s.length < n) s.push(null);
    slots.set(node.metadata.name, s);
  }
  for (const p of pods) {
    const s = slots.get(p.spec.nodeName);
    if (!s || s.some((h) => h?.uid === p.metadata.uid)) continue;
    const util = p.metadata.annotations?.[SIM_UTIL_ANNOTATION];
    for (const c of p.spec.containers) {
      let want = qty(c.resources?.limits?.['nvidia.com/gpu'] ?? c.resources?.requests?.['nvidia.com/gpu']);
      for (let i = 0; i < s.length && want > 0; i++) {
        if (s[i]) continue;
        s[i] = { uid: p.metadata.uid, namespace: p.metadata.namespace, pod: p.metadata.name, container: c.name, util: util === undefined ? undefined : Number(util) };
        want--;
      }
    }
  }
  state = { nodes, pods };
}

const fmt = (labels) => `{${Object.entries(labels).map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '\\$&')}"`).join(',')}}`;

function dcgm(t) {
  const out = new Map();
  for (const node of state.nodes) {
    const name = node.metadata.name;
    const l = node.metadata.labels ?? {};
    const model = (l['nvidia.com/gpu.product'] ?? 'NVIDIA GPU').replace(/^NVIDIA-/, 'NVIDIA ');
    const memoryMiB = Number(l['nvidia.com/gpu.memory'] ?? 16384);
    (slots.get(name) ?? []).forEach((holder, index) => {
      const gpu = { node: name, index, model, memoryMiB, holder };
      for (const [metric, v] of Object.entries(gpuSample(gpu, t))) {
        if (!out.has(metric)) out.set(metric, [`# TYPE ${metric} gauge`]);
        out.get(metric).push(`${metric}${fmt(gpuLabels(gpu))} ${v}`);
      }
    });
  }
  return [...out.values()].flat();
}

function api(t) {
  const reqs = ['# TYPE http_requests_total counter'];
  const hist = ['# TYPE http_request_duration_seconds histogram'];
  for (const r of API_ROUTES) {
    let total = 0;
    for (const [status, rate] of Object.entries(r.rates)) {
      const n = waveCounter(rate, t);
      total += n;
      reqs.push(`http_requests_total${fmt({ method: r.method, path: r.path, status })} ${n.toFixed(3)}`);
    }
    const base = { method: r.method, path: r.path };
    for (const le of LATENCY_BUCKETS) hist.push(`http_request_duration_seconds_bucket${fmt({ ...base, le })} ${(total * latencyFraction(le, r.median)).toFixed(3)}`);
    hist.push(`http_request_duration_seconds_bucket${fmt({ ...base, le: '+Inf' })} ${total.toFixed(3)}`);
    hist.push(`http_request_duration_seconds_sum${fmt(base)} ${(total * r.median * 1.2).toFixed(3)}`);
    hist.push(`http_request_duration_seconds_count${fmt(base)} ${total.toFixed(3)}`);
  }
  return [...reqs, ...hist];
}

function cadvisor(t) {
  const cpu = ['# TYPE container_cpu_usage_seconds_total counter'];
  const mem = ['# TYPE container_memory_working_set_bytes gauge'];
  for (const p of state.pods) {
    if (p.status?.phase !== 'Running') continue;
    const started = Date.parse(p.status.startTime ?? p.metadata.creationTimestamp) / 1000;
    for (const c of p.spec.containers) {
      const labels = fmt({ namespace: p.metadata.namespace, pod: p.metadata.name, container: c.name, node: p.spec.nodeName });
      const cores = qty(c.resources?.requests?.cpu) * 0.6 || 0.02;
      cpu.push(`container_cpu_usage_seconds_total${labels} ${(cores * Math.max(0, t - started)).toFixed(3)}`);
      const bytes = qty(c.resources?.requests?.memory) * 0.7 || 64 * 2 ** 20;
      mem.push(`container_memory_working_set_bytes${labels} ${Math.round(bytes)}`);
    }
  }
  return [...cpu, ...mem];
}

const PATHS = { '/metrics/dcgm': dcgm, '/metrics/api': api, '/metrics/cadvisor': cadvisor };
http.createServer((req, res) => {
  const f = PATHS[req.url];
  if (!f) return void res.writeHead(404).end('not found\n');
  res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(`${f(Date.now() / 1000).join('\n')}\n`);
}).listen(Number(port), '127.0.0.1');

// Refresh forever; a failed read (API server restarting) keeps the last state and retries.
for (;;) {
  await refresh().catch((e) => console.error(`[metrics-sim] ${e.message.split('\n')[0]}`));
  await new Promise((r) => setTimeout(r, 2000));
}
