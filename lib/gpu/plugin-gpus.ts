/**
 * Physical GPUs from a node's device-plugin resources: every count becomes units, units are laid
 * on GPUs (one whole GPU each; `replicas` shares per GPU; MIG slices packed onto GPUs), so a GPU
 * is counted once whatever it is cut into. The API gives counts only, never which device a pod
 * got, so holders fill units in order and MIG slices are packed first-fit: the cells are a faithful
 * picture of the numbers, not of the hardware (`exact: false`).
 */
import type { GpuUnit, PhysicalGpu } from './model-types';
import type { NodeGpuLabels, ResourceView } from './plugin-resources';
import { migComputeSlots, migMemorySlices, migSlotCount, modelMemoryGb, parseMigProfile } from './resource-names';
import { gpuState, NO_HOLDERS } from './segments';

// Unit and GPU ids repeat on every node of a shape: build each string once.
const ids = new Map<string, string[]>();
function idOf(prefix: string, i: number): string {
  if (i >= 4096 || ids.size >= 4096) return `${prefix}${i}`;
  let list = ids.get(prefix);
  if (!list) ids.set(prefix, (list = []));
  return (list[i] ??= `${prefix}${i}`);
}

/** The units of one resource: `max(capacity, allocatable)`, the last ones unavailable, holders in order. */
export function viewUnits(v: ResourceView): GpuUnit[] {
  const n = Math.max(v.capacity, v.allocatable);
  const units: GpuUnit[] = [];
  const prefix = `${v.resource}#`;
  for (let i = 0; i < n; i++) {
    units.push({
      id: idOf(prefix, i),
      kind: v.kind,
      source: 'device-plugin',
      resource: v.resource,
      device: null,
      profile: v.profile,
      memoryBytes: v.memoryBytes,
      placement: null,
      attributes: null,
      state: i < v.allocatable ? 'free' : 'unavailable',
      holders: NO_HOLDERS,
    });
  }
  let next = 0;
  for (const { holder, count } of v.holders) {
    for (let k = 0; k < count && next < v.allocatable; k++, next++) {
      const u = units[next]!;
      u.state = 'allocated';
      u.holders = [holder];
    }
  }
  return units;
}

interface Slice {
  profile: string | null;
  units: GpuUnit[];
  mem: number;
  compute: number;
}
interface MigGpu {
  slices: { slice: Slice; start: number }[];
  mem: number;
  compute: number;
}

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** First-fit decreasing on memory and compute slices, onto `known` GPUs first, then new ones. */
function pack(slices: Slice[], known: number, model: string | null): MigGpu[] {
  const memSlots = migSlotCount(model),
    computeSlots = migComputeSlots(model);
  const gpus: MigGpu[] = Array.from({ length: known }, () => ({ slices: [], mem: 0, compute: 0 }));
  const sorted = [...slices].sort((a, b) => b.mem - a.mem || (a.profile ?? '').localeCompare(b.profile ?? ''));
  for (const s of sorted) {
    let g = gpus.find((x) => x.mem + s.mem <= memSlots && x.compute + s.compute <= computeSlots);
    if (!g) gpus.push((g = { slices: [], mem: 0, compute: 0 }));
    g.slices.push({ slice: s, start: g.mem });
    g.mem += s.mem;
    g.compute += s.compute;
  }
  return gpus;
}

export interface PluginGpus {
  gpus: PhysicalGpu[];
  estimated: boolean;
  warnings: string[];
}

/** The physical GPUs behind the views of one node. */
export function pluginGpus(views: readonly ResourceView[], labels: NodeGpuLabels): PluginGpus {
  const gpus: PhysicalGpu[] = [];
  const warnings: string[] = [];
  let estimated = false;
  const vendors = [...new Set(views.map((v) => v.vendor))].sort();
  for (const vendor of vendors) {
    const mine = views.filter((v) => v.vendor === vendor);
    const product = mine.find((v) => v.product)?.product ?? null;
    const gb = modelMemoryGb(product);
    const memory = mine.find((v) => v.kind !== 'mig' && !v.profile)?.memoryBytes ?? (gb ? gb * 2 ** 30 : null);
    const push = (
      memoryBytes: number | null,
      layout: PhysicalGpu['layout'],
      sharing: PhysicalGpu['sharing'],
      slots: number,
      units: GpuUnit[],
    ) => {
      gpus.push({
        id: idOf('gpu-', gpus.length),
        source: 'device-plugin',
        vendor,
        product,
        memoryBytes,
        uuid: null,
        layout,
        sharing,
        slots,
        units,
        state: gpuState(units),
        exact: false,
      });
    };
    const slices: Slice[] = [];
    for (const v of mine) {
      const units = viewUnits(v);
      if (v.estimated) estimated = true;
      if (v.kind === 'whole') for (const u of units) push(v.memoryBytes, 'whole', null, 1, [u]);
      else if (v.kind === 'share' && !v.profile) {
        for (const part of chunk(units, v.replicas))
          push(v.memoryBytes, 'shared', labels.sharing ?? 'time-slicing', v.replicas, part);
      } else {
        const p = v.profile ? parseMigProfile(v.profile) : null;
        const mem = v.profile ? migMemorySlices(v.profile, product) : 1;
        for (const part of chunk(units, v.kind === 'share' ? v.replicas : 1))
          slices.push({ profile: v.profile, units: part, mem, compute: p?.compute ?? 1 });
      }
    }
    if (slices.length === 0) continue;
    const unsplit = gpus.filter((g) => g.vendor === vendor).length;
    // Mixed (said or inferred): the count label counts every GPU of the model, split or not;
    // in single strategy it counts slices.
    const known =
      labels.migStrategy !== 'single' && vendor === 'nvidia.com' && labels.count
        ? Math.max(0, labels.count - unsplit)
        : 0;
    if (!known) estimated = true;
    const packed = pack(slices, known, product);
    if (known && packed.length > known)
      warnings.push(`${vendor}: the labels count ${known} MIG-enabled GPUs, the slices need ${packed.length}`);
    for (const g of packed) {
      const units: GpuUnit[] = [];
      for (const { slice, start } of g.slices) {
        const size = slice.mem / slice.units.length;
        // The units were made for this build a moment ago: placing them here is not a mutation of shared state.
        slice.units.forEach((unit, i) => {
          unit.placement = { start: start + i * size, size };
          units.push(unit);
        });
      }
      const shared = g.slices.some((s) => s.slice.units.some((u) => u.kind === 'share'));
      gpus.push({
        id: idOf('gpu-', gpus.length),
        source: 'device-plugin',
        vendor,
        product,
        uuid: null,
        exact: false,
        memoryBytes: memory,
        layout: 'mig',
        sharing: shared ? (labels.sharing ?? 'time-slicing') : null,
        slots: migSlotCount(product),
        units,
        state: gpuState(units),
      });
    }
  }
  return { gpus, estimated, warnings };
}
