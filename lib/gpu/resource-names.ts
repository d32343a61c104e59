/**
 * Which extended resources are GPU units, decided from the name alone (so a pod's requests can be
 * read without its node), and the arithmetic of NVIDIA MIG profile names.
 *
 * - `<vendor>/gpu` (nvidia.com, amd.com, ...) and Intel's `gpu.intel.com/i915` / `gpu.intel.com/xe`:
 *   whole GPUs, unless the node says they are shared (replicas) or MIG slices (single strategy);
 * - `<vendor>/gpu.shared`: shares of whole GPUs (NVIDIA's `renameByDefault`);
 * - `nvidia.com/mig-<profile>`: MIG slices (mixed strategy); `...mig-<profile>.shared`: shares of them.
 * Intel's `gpu.intel.com/millicores`, `memory.max` and `tiles` measure a GPU, not count units: ignored.
 */

export type ResourceFamily =
  | { family: 'gpu'; vendor: string; shared: boolean }
  | { family: 'mig'; vendor: string; profile: string; shared: boolean };

const MIG_RESOURCE = /^([a-z0-9.-]+)\/mig-(.+?)(\.shared)?$/;
const INTEL_DEVICES = new Set(['gpu.intel.com/i915', 'gpu.intel.com/xe']);

// A cluster has a handful of resource names and reads them millions of times: remember each.
const known = new Map<string, ResourceFamily | null>();

/** The GPU family of an extended resource name, or null when it is not a GPU unit. */
export function classifyResource(name: string): ResourceFamily | null {
  const hit = known.get(name);
  if (hit !== undefined) return hit;
  const out = classify(name);
  if (known.size < 4096) known.set(name, out);
  return out;
}

function classify(name: string): ResourceFamily | null {
  const slash = name.indexOf('/');
  if (slash <= 0) return null;
  const vendor = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (rest === 'gpu') return { family: 'gpu', vendor, shared: false };
  if (rest === 'gpu.shared') return { family: 'gpu', vendor, shared: true };
  if (INTEL_DEVICES.has(name)) return { family: 'gpu', vendor, shared: false };
  const m = MIG_RESOURCE.exec(name);
  if (m && parseMigProfile(m[2]!)) return { family: 'mig', vendor, profile: m[2]!, shared: Boolean(m[3]) };
  return null;
}

/** True for every extended resource the GPU model counts (whole, shared, MIG). */
export function isGpuUnitResource(name: string): boolean {
  return classifyResource(name) !== null;
}

export interface MigProfile {
  /** Compute slices of the GPU instance (the `3` of `3g.40gb`). */
  compute: number;
  /** Memory in GB as the name says it. */
  memoryGb: number;
}

const PROFILE = /^(?:\d+c\.)?(\d+)g\.(\d+)gb(?:\+[a-z0-9]+)*$/;

/** `1g.10gb`, `3g.40gb`, `1c.3g.40gb`, `1g.10gb+me` → compute and memory; null otherwise. */
export function parseMigProfile(profile: string): MigProfile | null {
  const m = PROFILE.exec(profile);
  if (!m) return null;
  const compute = Number(m[1]),
    memoryGb = Number(m[2]);
  return compute > 0 && memoryGb > 0 ? { compute, memoryGb } : null;
}

/** The product names GPU Feature Discovery writes: `<model>[-MIG-<profile>][-SHARED]`. */
export interface ProductName {
  model: string;
  migProfile: string | null;
  shared: boolean;
}

/** Splits a `nvidia.com/gpu.product` value into the model, a MIG profile and the shared marker. */
export function parseProduct(product: string): ProductName {
  let model = product;
  const shared = model.endsWith('-SHARED');
  if (shared) model = model.slice(0, -'-SHARED'.length);
  const i = model.indexOf('-MIG-');
  const migProfile = i >= 0 ? model.slice(i + 5) : null;
  if (i >= 0) model = model.slice(0, i);
  return { model, migProfile, shared };
}

/** GPUs whose MIG geometry is not the A100/H100 one of 7 compute and 8 memory slices. */
function sliceTotals(model: string | null): { compute: number; memory: number } {
  return model && /A30\b|A30-/i.test(model) ? { compute: 4, memory: 4 } : { compute: 7, memory: 8 };
}

/** A GPU model's memory in GB when its name carries it (`NVIDIA-H100-80GB-HBM3` → 80). */
export function modelMemoryGb(model: string | null): number | null {
  const m = model ? /(\d+)GB/i.exec(model) : null;
  return m ? Number(m[1]) : null;
}

// Without the GPU's memory, the usual pairing of compute and memory slices on A100/H100.
const COMPUTE_TO_MEMORY: Record<number, number> = { 1: 1, 2: 2, 3: 4, 4: 4, 7: 8 };

/** Memory slices one instance of `profile` takes (1, 2, 4 or 8 on an 8-slice GPU). */
export function migMemorySlices(profile: string, model: string | null): number {
  const p = parseMigProfile(profile);
  const totals = sliceTotals(model);
  const gpuGb = modelMemoryGb(model);
  if (!p) return 1;
  if (!gpuGb) return Math.min(totals.memory, COMPUTE_TO_MEMORY[p.compute] ?? p.compute);
  return Math.min(totals.memory, Math.max(1, Math.round(p.memoryGb / (gpuGb / totals.memory))));
}

/** The memory slices of a GPU of `model` (8 on A100/H100, 4 on A30): the width of a MIG layout. */
export function migSlotCount(model: string | null): number {
  return sliceTotals(model).memory;
}

/**
 * How many instances of `profile` fit on one GPU at most: bounded by compute slices (3g takes
 * two of seven only, 4g one) and memory slices. Used only to estimate physical GPUs where the
 * labels do not say (single strategy, mixed without `nvidia.com/gpu.count`).
 */
export function migInstancesPerGpu(profile: string, model: string | null): number {
  const p = parseMigProfile(profile);
  if (!p) return 1;
  const totals = sliceTotals(model);
  const byCompute = p.compute * 2 > totals.compute ? 1 : p.compute === 3 ? 2 : Math.floor(totals.compute / p.compute);
  const byMemory = Math.floor(totals.memory / migMemorySlices(profile, model));
  return Math.max(1, Math.min(byCompute, byMemory));
}

/** The compute slices of a GPU of `model` (7 on A100/H100, 4 on A30). */
export function migComputeSlots(model: string | null): number {
  return sliceTotals(model).compute;
}
