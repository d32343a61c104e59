/**
 * PromQL for DCGM series as dcgm-exporter reports modern GPUs, shared by the preset panels, the
 * idle-GPU finder and the idle GPU-hours table. Pure strings, so tests can send them to Prometheus.
 *
 * - A whole GPU: one series per GPU (`node`, `gpu`, `UUID`), DCGM_FI_DEV_GPU_UTIL in %.
 * - A MIG instance: its own series with `GPU_I_ID` / `GPU_I_PROFILE` and the parent's `UUID`; NVML
 *   cannot measure DCGM_FI_DEV_GPU_UTIL in MIG mode, so activity is DCGM_FI_PROF_GR_ENGINE_ACTIVE
 *   (a ratio). The parent GPU's own series (no `GPU_I_ID`) is the device, not a unit anyone holds.
 * - A shared GPU (time-slicing, MPS; dcgm-exporter --kubernetes-virtual-gpus): one series per pod
 *   holding a share, label `vgpu`, all measuring the same physical GPU.
 */

/** A label matcher list, `{a="x",b!=""}`; node names are DNS subdomains (checked by routes). */
export function matchers(...parts: (string | false | undefined)[]): string {
  return `{${parts.filter(Boolean).join(',')}}`;
}

/** `node="…"` when a node is given. */
export const nodeMatcher = (node?: string) => (node ? `node="${node}"` : undefined);

/**
 * kube-state-metrics' `resource` label of GPU resources (it turns `/`, `.` and `-` into `_`):
 * `nvidia.com/gpu`, `nvidia.com/gpu.shared`, `nvidia.com/mig-<profile>`, AMD's and Intel's.
 */
export const GPU_RESOURCE_RE = 'nvidia_com_gpu|nvidia_com_gpu_shared|nvidia_com_mig_.+|amd_com_gpu|gpu_intel_com_.+';
export const gpuResource = `resource=~"${GPU_RESOURCE_RE}"`;

/** Series of a MIG instance (any series with an instance id). */
const MIG = 'GPU_I_ID!=""';
const NOT_MIG = 'GPU_I_ID=""';

/**
 * Activity (%) of every schedulable GPU unit, one series per unit-holder: whole GPUs and shares
 * from DCGM_FI_DEV_GPU_UTIL (minus any GPU that has MIG instances), MIG instances from
 * 100 × DCGM_FI_PROF_GR_ENGINE_ACTIVE. `extra` narrows both (`pod!=""`, a node).
 */
export function unitActivity(...extra: (string | undefined)[]): string {
  const util = `DCGM_FI_DEV_GPU_UTIL${matchers(NOT_MIG, ...extra)}`;
  const inst = `DCGM_FI_PROF_GR_ENGINE_ACTIVE${matchers(MIG, ...extra)}`;
  return `(${util} unless on (node, UUID) DCGM_FI_PROF_GR_ENGINE_ACTIVE${matchers(MIG)}) or 100 * ${inst}`;
}

/**
 * One value per physical GPU or MIG instance (`agg` across the holders of a shared GPU, whose
 * series repeat one device's value), leaving out a MIG parent's own series where its instances
 * report the same field.
 */
export function perUnit(metric: string, node?: string, agg: 'max' | 'min' = 'max'): string {
  const n = nodeMatcher(node);
  return (
    `(${agg} by (node, gpu, UUID) (${metric}${matchers(NOT_MIG, n)}) unless on (node, UUID) ${metric}${matchers(MIG, n)})` +
    ` or ${agg} by (node, gpu, UUID, GPU_I_ID, GPU_I_PROFILE) (${metric}${matchers(MIG, n)})`
  );
}

/** Whole GPUs' utilisation per GPU (shares folded), MIG GPUs left out. */
export function wholeGpuUtil(node?: string): string {
  return `max by (node, gpu, UUID) (DCGM_FI_DEV_GPU_UTIL${matchers(NOT_MIG, nodeMatcher(node))}) unless on (node, UUID) DCGM_FI_PROF_GR_ENGINE_ACTIVE${matchers(MIG)}`;
}

/** MIG instances' activity in %, one series per instance. */
export function migActivity(node?: string): string {
  return `100 * max by (node, gpu, UUID, GPU_I_ID, GPU_I_PROFILE) (DCGM_FI_PROF_GR_ENGINE_ACTIVE${matchers(MIG, nodeMatcher(node))})`;
}
