#!/usr/bin/env node
/**
 * The devcluster's metrics simulator (test/demo infrastructure; kwok runs no containers, so no
 * real exporter has anything to measure). Reads the nodes, and the pods bound to them, from the
 * real API server every 2 s and serves, on 127.0.0.1:<port>:
 *   /metrics/dcgm      DCGM-exporter series for every GPU of every node with nvidia.com/gpu
 *                      capacity; a GPU is held by a pod bound to that node that requests
 *                      nvidia.com/gpu (stable assignment, first come first served). The GPU
 *                      fixture nodes (fixtures/gpu-layout.json) follow their layout: MIG instances
 *                      (GPU_I_PROFILE, GPU_I_ID; activity as DCGM_FI_PROF_GR_ENGINE_ACTIVE, no
 *                      GPU_UTIL, as on real MIG GPUs) held through nvidia.com/mig-* or, in single
 *                      strategy, nvidia.com/gpu; shared GPUs one series per pod with a share
 *                      (`vgpu`, as dcgm-exporter --kubernetes-virtual-gpus); DRA devices held by
 *                      the pod their allocated ResourceClaim is reserved for
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
import { DRA_DRIVER, LAYOUT, physicalGpus } from '../fixtures/gpu-fixtures.mjs';
import {
  API_ROUTES,
  LATENCY_BUCKETS,
  SIM_UTIL_ANNOTATION,
  gpuLabels,
  gpuSample,
  latencyFraction,
  migLabels,
  migSample,
  waveCounter,
} from './series.mjs';

const [port, kubectl, kubeconfig] = process.argv.slice(2);
const run = promisify(execFile);
const LAYOUT_NODES = new Map(LAYOUT.nodes.map((n) => [n.name, n]));
/**
 * node → its schedulable GPU units, each { gpu, inst?, replica?, resource?, draDevice?, holder }
 * (holder null = free); kept across refreshes so device-plugin assignments never move. Nodes of
 * the GPU layout get MIG instances / shares / DRA devices; any other node one unit per
 * `nvidia.com/gpu`, as before.
 */
const units = new Map();
let state = { nodes: [], pods: [] };

const qty = (s) =>
  s === undefined
    ? 0
    : s.endsWith('m')
      ? Number(s.slice(0, -1)) / 1000
      : Number.parseFloat(s) * ({ Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30 }[s.replace(/^[\d.]+/, '')] ?? 1);
const holds = (p) => p.spec.nodeName && !['Succeeded', 'Failed'].includes(p.status?.phase);
const holderOf = (p, container) => {
  const util = p.metadata.annotations?.[SIM_UTIL_ANNOTATION];
  return {
    uid: p.metadata.uid,
    namespace: p.metadata.namespace,
    pod: p.metadata.name,
    container,
    util: util === undefined ? undefined : Number(util),
  };
};

/** The units of a layout node: whole GPUs, MIG instances, or `replicas` shares per GPU (round robin). */
function layoutUnits(node) {
  const gpus = physicalGpus(node);
  if (node.dra)
    return gpus.flatMap((gpu) =>
      gpu.mig ? gpu.mig.map((inst) => ({ gpu, inst, draDevice: inst.draDevice })) : [{ gpu, draDevice: gpu.draDevice }],
    );
  const mig = node.migStrategy === 'single' ? () => 'nvidia.com/gpu' : (inst) => `nvidia.com/mig-${inst.profile}`;
  const shared = node.sharing?.renameByDefault ? 'nvidia.com/gpu.shared' : 'nvidia.com/gpu';
  const out = gpus.flatMap((gpu) => (gpu.mig ? gpu.mig.map((inst) => ({ gpu, inst, resource: mig(inst) })) : []));
  for (let r = 0; r < (node.sharing?.replicas ?? 1); r++) {
    for (const gpu of gpus.filter((g) => !g.mig))
      out.push({ gpu, resource: shared, replica: node.sharing ? r : undefined });
  }
  return out.map((u) => ({ ...u, holder: null }));
}

async function refresh() {
  const env = { ...process.env, KUBECONFIG: kubeconfig };
  // Only pods bound to a node can hold a GPU or use CPU: unscheduled ones (an e2e test parks
  // 10,000 of them) are left on the server instead of being listed every 2 s.
  const [nodeList, podList] = await Promise.all([
    run(kubectl, ['get', 'nodes', '-o', 'json'], { env, maxBuffer: 256 << 20 }),
    run(kubectl, ['get', 'pods', '-A', '--field-selector=spec.nodeName!=', '-o', 'json'], {
      env,
      maxBuffer: 256 << 20,
    }),
  ]);
  // Claims (DRA) only where resource.k8s.io/v1 is served; without them DRA GPUs stay free.
  const claims = await run(kubectl, ['get', 'resourceclaims.v1.resource.k8s.io', '-A', '-o', 'json'], {
    env,
    maxBuffer: 256 << 20,
  }).then(
    (r) => JSON.parse(r.stdout).items,
    () => [],
  );
  const items = [...JSON.parse(nodeList.stdout).items, ...JSON.parse(podList.stdout).items];
  const nodes = items.filter((o) => o.kind === 'Node');
  const pods = items
    .filter((o) => o.kind === 'Pod' && holds(o))
    .sort(
      (a, b) =>
        a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  const live = new Map(pods.map((p) => [p.metadata.uid, p]));
  for (const node of nodes) {
    const name = node.metadata.name;
    const layout = LAYOUT_NODES.get(name);
    let u = units.get(name);
    if (layout) {
      u ??= layoutUnits(layout);
    } else {
      const n = Number(node.status?.capacity?.['nvidia.com/gpu'] ?? 0);
      u = (u ?? []).slice(0, n);
      while (u.length < n) u.push({ gpu: { index: u.length }, resource: 'nvidia.com/gpu', holder: null });
    }
    for (const x of u) if (x.holder && !live.has(x.holder.uid)) x.holder = null;
    units.set(name, u);
  }
  // Device plugin: each container's request of a unit's resource takes free units, first come.
  for (const p of pods) {
    const u = units.get(p.spec.nodeName);
    if (!u || u.some((x) => x.holder?.uid === p.metadata.uid)) continue;
    for (const c of p.spec.containers) {
      for (const resource of new Set(u.map((x) => x.resource).filter(Boolean))) {
        let want = qty(c.resources?.limits?.[resource] ?? c.resources?.requests?.[resource]);
        for (const x of u) {
          if (want <= 0) break;
          if (x.resource !== resource || x.holder) continue;
          x.holder = holderOf(p, c.name);
          want--;
        }
      }
    }
  }
  // DRA: a device is held by the first live pod its allocated claim is reserved for.
  for (const u of units.values()) for (const x of u) if (x.draDevice) x.holder = null;
  for (const claim of claims) {
    const pod = (claim.status?.reservedFor ?? []).map((r) => live.get(r.uid)).find(Boolean);
    if (!pod) continue;
    const container = pod.spec.containers.find((c) => c.resources?.claims?.length)?.name ?? pod.spec.containers[0].name;
    for (const r of claim.status?.allocation?.devices?.results ?? []) {
      const x = units.get(r.pool)?.find((y) => y.draDevice === r.device);
      if (r.driver === DRA_DRIVER && x) x.holder = holderOf(pod, container);
    }
  }
  state = { nodes, pods };
}

const fmt = (labels) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${String(v).replace(/["\\\n]/g, '\\$&')}"`)
    .join(',')}}`;

function dcgm(t) {
  const out = new Map();
  const emit = (sample, labels) => {
    for (const [metric, v] of Object.entries(sample)) {
      if (!out.has(metric)) out.set(metric, [`# TYPE ${metric} gauge`]);
      out.get(metric).push(`${metric}${fmt(labels)} ${v}`);
    }
  };
  for (const node of state.nodes) {
    const name = node.metadata.name;
    const l = node.metadata.labels ?? {};
    const model = (l['nvidia.com/gpu.product'] ?? 'NVIDIA GPU').replace(/^NVIDIA-/, 'NVIDIA ');
    const memoryMiB = Number(l['nvidia.com/gpu.memory'] ?? 16384);
    const byGpu = new Map();
    for (const x of units.get(name) ?? []) byGpu.set(x.gpu.index, [...(byGpu.get(x.gpu.index) ?? []), x]);
    for (const [index, us] of byGpu) {
      const g = us[0].gpu;
      const gpu = { node: name, index, model: g.model ?? model, memoryMiB: g.memoryMiB ?? memoryMiB };
      if (g.mig) {
        // A MIG-enabled GPU: device-level temperature and power, and each instance on its own.
        const busiest = Math.max(
          0,
          ...us.map((x) => migSample(gpu, { ...x.inst, holder: x.holder }, t).DCGM_FI_PROF_GR_ENGINE_ACTIVE * 100),
        );
        const { DCGM_FI_DEV_GPU_TEMP, DCGM_FI_DEV_POWER_USAGE } = gpuSample(
          { ...gpu, holder: busiest ? { util: busiest } : null },
          t,
        );
        emit({ DCGM_FI_DEV_GPU_TEMP, DCGM_FI_DEV_POWER_USAGE }, gpuLabels({ ...gpu, holder: null }));
        for (const x of us)
          emit(migSample(gpu, { ...x.inst, holder: x.holder }, t), migLabels(gpu, { ...x.inst, holder: x.holder }));
      } else if (us[0].replica !== undefined) {
        // A shared GPU, as dcgm-exporter --kubernetes-virtual-gpus reports it: one series per pod
        // holding a share (label vgpu = the replica), or one without a pod when nobody does.
        const held = us.filter((x) => x.holder);
        const share = { ...gpu, memoryMiB: Math.floor(gpu.memoryMiB / us.length) };
        if (!held.length)
          emit(
            { ...gpuSample({ ...gpu, holder: null }, t), DCGM_FI_PROF_GR_ENGINE_ACTIVE: 0 },
            gpuLabels({ ...gpu, holder: null }),
          );
        for (const x of held) {
          const s = gpuSample({ ...share, holder: x.holder }, t);
          emit(
            {
              ...s,
              DCGM_FI_DEV_FB_FREE: gpu.memoryMiB - s.DCGM_FI_DEV_FB_USED,
              DCGM_FI_PROF_GR_ENGINE_ACTIVE: s.DCGM_FI_DEV_GPU_UTIL / 100,
            },
            { ...gpuLabels({ ...gpu, holder: x.holder }), vgpu: String(x.replica) },
          );
        }
      } else {
        const s = gpuSample({ ...gpu, holder: us[0].holder }, t);
        emit(
          { ...s, DCGM_FI_PROF_GR_ENGINE_ACTIVE: s.DCGM_FI_DEV_GPU_UTIL / 100 },
          gpuLabels({ ...gpu, holder: us[0].holder }),
        );
      }
    }
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
    for (const le of LATENCY_BUCKETS)
      hist.push(
        `http_request_duration_seconds_bucket${fmt({ ...base, le })} ${(total * latencyFraction(le, r.median)).toFixed(3)}`,
      );
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
      const labels = fmt({
        namespace: p.metadata.namespace,
        pod: p.metadata.name,
        container: c.name,
        node: p.spec.nodeName,
      });
      const cores = qty(c.resources?.requests?.cpu) * 0.6 || 0.02;
      cpu.push(`container_cpu_usage_seconds_total${labels} ${(cores * Math.max(0, t - started)).toFixed(3)}`);
      const bytes = qty(c.resources?.requests?.memory) * 0.7 || 64 * 2 ** 20;
      mem.push(`container_memory_working_set_bytes${labels} ${Math.round(bytes)}`);
    }
  }
  return [...cpu, ...mem];
}

const PATHS = { '/metrics/dcgm': dcgm, '/metrics/api': api, '/metrics/cadvisor': cadvisor };
http
  .createServer((req, res) => {
    const f = PATHS[req.url];
    if (!f) return void res.writeHead(404).end('not found\n');
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' }).end(`${f(Date.now() / 1000).join('\n')}\n`);
  })
  .listen(Number(port), '127.0.0.1');

// Refresh forever; a failed read (API server restarting) keeps the last state and retries.
for (;;) {
  await refresh().catch((e) => console.error(`[metrics-sim] ${e.message.split('\n')[0]}`));
  await new Promise((r) => setTimeout(r, 2000));
}
