/**
 * The cells of the GPU map: a physical GPU as segments over its slots, derived on demand from its
 * units (so the model itself stays small to build and to send), in one pass a canvas or a row of
 * flex boxes can draw directly.
 */
import type { GpuSegment, GpuUnit, Holder, PhysicalGpu } from './model-types';

/** The holders of every unit no one holds: one shared, frozen list instead of thousands of empty ones. */
export const NO_HOLDERS: readonly Holder[] = Object.freeze([]);

/** free: every usable unit free; full: none free (or no units); partial: in between. */
export function gpuState(units: readonly GpuUnit[]): PhysicalGpu['state'] {
  let free = 0,
    usable = 0;
  for (const u of units) {
    if (u.state === 'unavailable') continue;
    usable++;
    if (u.state === 'free') free++;
  }
  if (free === 0) return 'full';
  return free === usable ? 'free' : 'partial';
}

const shareLabels = new Map<number, string[]>();
/** `share 3/4`, built once per (i, n): a big cluster has thousands of shares and few replica counts. */
function shareLabel(i: number, n: number): string {
  let list = shareLabels.get(n);
  if (!list) shareLabels.set(n, (list = Array.from({ length: Math.min(n, 1024) }, (_, k) => `share ${k + 1}/${n}`)));
  return list[i] ?? `share ${i + 1}/${n}`;
}

const segment = (u: GpuUnit, start: number, size: number, label: string): GpuSegment => ({
  start,
  size,
  unitId: u.id,
  kind: u.kind,
  label,
  state: u.state,
  holders: u.holders,
});

const overlaps = (a: { start: number; size: number }, b: { start: number; size: number }) =>
  a.start < b.start + b.size && b.start < a.start + a.size;

/** The units a MIG-split GPU shows: all (device plugin: configured slices), or for DRA the held ones. */
function drawnUnits(gpu: PhysicalGpu): GpuUnit[] {
  const migs = gpu.units.filter((u) => u.kind !== 'whole' && u.placement);
  if (gpu.source === 'device-plugin') return migs;
  const drawn = migs.filter((u) => u.state === 'allocated');
  // Static MIG (no whole-GPU device): the free devices are the configured slices, drawn too.
  if (!gpu.units.some((u) => u.kind === 'whole')) {
    for (const u of migs)
      if (u.state !== 'allocated' && !drawn.some((d) => overlaps(d.placement!, u.placement!))) drawn.push(u);
  }
  return drawn;
}

/**
 * Segments of one GPU, in order, covering [0, slots). whole: the whole unit over the one slot;
 * shared: one slot per share; mig: each drawn unit at its placement (memory slices), the gaps as
 * `empty` segments — free to carve for a DRA GPU with a whole device, unavailable otherwise
 * (the device plugin's MIG layout changes only by reconfiguring the GPU).
 */
export function gpuSegments(gpu: PhysicalGpu): GpuSegment[] {
  const { units, slots } = gpu;
  if (gpu.layout === 'whole') {
    const u = units.find((x) => x.kind === 'whole') ?? units[0];
    return u ? [segment(u, 0, slots, gpu.product ?? 'GPU')] : [];
  }
  if (gpu.layout === 'shared') return units.map((u, i) => segment(u, i, 1, shareLabel(i, units.length)));
  const sorted = drawnUnits(gpu).sort((a, b) => a.placement!.start - b.placement!.start);
  const emptyState = gpu.source === 'dra' && units.some((u) => u.kind === 'whole') ? 'free' : 'unavailable';
  const out: GpuSegment[] = [];
  let at = 0;
  const gap = (to: number) => {
    if (to > at + 1e-9)
      out.push({
        start: at,
        size: to - at,
        unitId: null,
        kind: 'empty',
        label: '',
        state: emptyState,
        holders: NO_HOLDERS,
      });
  };
  for (const u of sorted) {
    const p = u.placement!;
    // Overlapping placements (conflicting allocations in the data): the first one is drawn.
    if (p.start < at - 1e-9) continue;
    gap(p.start);
    out.push(segment(u, p.start, p.size, u.kind === 'share' ? `${u.profile ?? 'slice'} share` : (u.profile ?? 'MIG')));
    at = Math.max(at, p.start + p.size);
  }
  gap(slots);
  return out;
}
