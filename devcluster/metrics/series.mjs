/**
 * Pure value functions of the devcluster's metrics simulator, shared by the live simulator
 * (sim.mjs) and the benchmark's backfill (bench/metrics): every value is a function of the GPU,
 * its holder and the time, so tests can predict it and a restart changes nothing.
 */
import { createHash } from 'node:crypto';

/** Annotation on a pod that fixes the utilisation (%) of every GPU it holds; default: busy. */
export const SIM_UTIL_ANNOTATION = 'imagepod.io/sim-util';

const hash = (s) => createHash('sha1').update(s).digest();

/** A stable, DCGM-looking UUID for GPU `index` of `node`. */
export function gpuUuid(node, index) {
  const h = hash(`${node}/${index}`).toString('hex');
  return `GPU-${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Utilisation (%) at `t` (seconds): 0 when free, the annotation's value when set, otherwise a slow
 * half-hour wave between 20 and 90 % — never under 20, so a busy GPU is never taken for an idle one.
 */
export function gpuUtil(node, index, t, holder) {
  if (!holder) return 0;
  if (holder.util !== undefined) return holder.util;
  const phase = hash(node)[0] / 40 + index;
  return Math.round(55 + 35 * Math.sin((2 * Math.PI * t) / 1800 + phase));
}

const POWER = { A100: [60, 400], T4: [10, 70], L4: [16, 72], H100: [70, 700], A10G: [15, 300] };

/** All DCGM gauges of one GPU at `t`: framebuffer in MiB, °C, W. */
export function gpuSample(gpu, t) {
  const util = gpuUtil(gpu.node, gpu.index, t, gpu.holder);
  const used = gpu.holder ? Math.round(gpu.memoryMiB * (0.2 + (0.6 * util) / 100)) : 0;
  const [idleW, maxW] = Object.entries(POWER).find(([k]) => gpu.model.includes(k))?.[1] ?? [30, 250];
  return {
    DCGM_FI_DEV_GPU_UTIL: util,
    DCGM_FI_DEV_FB_USED: used,
    DCGM_FI_DEV_FB_FREE: gpu.memoryMiB - used,
    DCGM_FI_DEV_GPU_TEMP: Math.round(30 + util * 0.45),
    DCGM_FI_DEV_POWER_USAGE: Math.round((idleW + ((maxW - idleW) * util) / 100) * 10) / 10,
  };
}

/** DCGM's labels for one GPU, plus the pod holding it (as dcgm-exporter does with pod mapping). */
export function gpuLabels(gpu) {
  const l = {
    gpu: String(gpu.index),
    UUID: gpuUuid(gpu.node, gpu.index),
    device: `nvidia${gpu.index}`,
    modelName: gpu.model,
    Hostname: gpu.node,
    node: gpu.node,
  };
  if (gpu.holder)
    Object.assign(l, { namespace: gpu.holder.namespace, pod: gpu.holder.pod, container: gpu.holder.container });
  return l;
}

/**
 * A MIG instance's DCGM gauges at `t`. As on real GPUs, MIG instances have no
 * DCGM_FI_DEV_GPU_UTIL (NVML cannot measure it in MIG mode): their activity is the profiling
 * field DCGM_FI_PROF_GR_ENGINE_ACTIVE (a ratio), their memory is the instance's own.
 */
export function migSample(gpu, inst, t) {
  const util = gpuUtil(`${gpu.node}/${gpu.index}`, inst.giId, t, inst.holder);
  const used = inst.holder ? Math.round(inst.memoryMiB * (0.2 + (0.6 * util) / 100)) : 0;
  return {
    DCGM_FI_PROF_GR_ENGINE_ACTIVE: util / 100,
    DCGM_FI_DEV_FB_USED: used,
    DCGM_FI_DEV_FB_FREE: inst.memoryMiB - used,
  };
}

/** dcgm-exporter's labels for a MIG instance: the parent GPU's, plus GPU_I_PROFILE and GPU_I_ID. */
export function migLabels(gpu, inst) {
  const l = { ...gpuLabels({ ...gpu, holder: null }), GPU_I_PROFILE: inst.profile, GPU_I_ID: String(inst.giId) };
  if (inst.holder)
    Object.assign(l, { namespace: inst.holder.namespace, pod: inst.holder.pod, container: inst.holder.container });
  return l;
}

/** The simulated ImagePod API's routes: requests/s per (method, path, status) and latency profile. */
export const API_ROUTES = [
  { method: 'GET', path: '/api/v1/jobs', rates: { 200: 6, 500: 0.06 }, median: 0.03 },
  { method: 'POST', path: '/api/v1/jobs', rates: { 201: 1.5, 400: 0.1, 500: 0.05 }, median: 0.12 },
  { method: 'GET', path: '/api/v1/jobs/{id}', rates: { 200: 4, 404: 0.2 }, median: 0.02 },
  { method: 'GET', path: '/api/v1/models', rates: { 200: 0.8 }, median: 0.3 },
  { method: 'GET', path: '/health', rates: { 200: 0.2 }, median: 0.002 },
];
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Counters count from here (2026-01-01), so they survive simulator restarts without resets. */
const COUNTER_EPOCH = 1767225600;

/** A counter whose rate is `r` ± 30 % over a 15-minute wave: monotonic, continuous, no resets. */
export function waveCounter(r, t) {
  const w = (2 * Math.PI) / 900;
  const s = Math.max(0, t - COUNTER_EPOCH);
  return r * s + ((0.3 * r) / w) * (1 - Math.cos(w * s));
}

/** Fraction of requests with a latency ≤ `le` for a route whose median is `median` (log-logistic). */
export function latencyFraction(le, median) {
  return 1 / (1 + (median / le) ** 2.5);
}
