/**
 * The cells of the GPU map: each physical GPU as segments over its slots, precomputed so a page
 * draws a GPU with one pass and no arithmetic (a canvas or a row of flex boxes both fit).
 */
import type { GpuLayout, GpuSegment, GpuUnit, Holder, PhysicalGpu, UnitState } from './model-types';

/** The holders of every unit no one holds: one shared, frozen list instead of thousands of empty ones. */
export const NO_HOLDERS: readonly Holder[] = Object.freeze([]);

/** free: every usable unit free; full: none free (or no units); partial: in between. */
export function gpuState(units: readonly GpuUnit[]): PhysicalGpu['state'] {
  let free = 0, usable = 0;
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
  start, size, unitId: u.id, kind: u.kind, label, state: u.state, holders: u.holders,
});

/**
 * Segments of one GPU. whole: the first unit over the one slot; shared: one slot per share;
 * mig: each `placed` unit at its placement (in memory slices), the gaps as `empty` segments in
 * `emptyState` (device plugin: unconfigured, so unavailable; DRA: free to carve).
 */
export function segmentsOf(
  layout: GpuLayout, slots: number, units: readonly GpuUnit[], product: string | null,
  placed: readonly { unit: GpuUnit; start: number; size: number }[], emptyState: UnitState,
): GpuSegment[] {
  if (layout === 'whole') return units[0] ? [segment(units[0], 0, slots, product ?? 'GPU')] : [];
  if (layout === 'shared') return units.map((u, i) => segment(u, i, 1, shareLabel(i, units.length)));
  const sorted = [...placed].sort((a, b) => a.start - b.start);
  const out: GpuSegment[] = [];
  let at = 0;
  const gap = (to: number) => {
    if (to > at + 1e-9) out.push({ start: at, size: to - at, unitId: null, kind: 'empty', label: '', state: emptyState, holders: [] });
  };
  for (const p of sorted) {
    // Overlapping placements (conflicting allocations in the data): the first one is drawn.
    if (p.start < at - 1e-9) continue;
    gap(p.start);
    out.push(segment(p.unit, p.start, p.size, p.unit.kind === 'share' ? `${p.unit.profile ?? 'slice'} share` : (p.unit.profile ?? 'MIG')));
    at = Math.max(at, p.start + p.size);
  }
  gap(slots);
  return out;
}
