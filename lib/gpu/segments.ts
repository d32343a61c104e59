/**
 * The cells of the GPU map: each physical GPU as segments over its slots, precomputed so a page
 * draws a GPU with one pass and no arithmetic (a canvas or a row of flex boxes both fit).
 */
import type { GpuLayout, GpuSegment, GpuUnit, PhysicalGpu, UnitState } from './model-types';

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

const segment = (u: GpuUnit, start: number, size: number, label: string): GpuSegment => ({
  start, size, unitId: u.id, kind: u.kind, label, state: u.state, holders: u.holders,
});

/**
 * Segments of one GPU. whole: the first unit over the one slot; shared: one slot per share;
 * mig: each unit at its placement (in memory slices), the gaps as `empty` segments in
 * `emptyState` (device plugin: unconfigured, so unavailable; DRA: free to carve).
 */
export function segmentsOf(
  layout: GpuLayout, slots: number, units: readonly GpuUnit[], product: string | null,
  placements: ReadonlyMap<string, { start: number; size: number }> | null, emptyState: UnitState,
): GpuSegment[] {
  if (layout === 'whole') return units[0] ? [segment(units[0], 0, slots, product ?? 'GPU')] : [];
  if (layout === 'shared') return units.map((u, i) => segment(u, i, 1, `share ${i + 1}/${units.length}`));
  const placed = units
    .filter((u) => placements?.has(u.id))
    .map((u) => ({ u, ...placements!.get(u.id)! }))
    .sort((a, b) => a.start - b.start);
  const out: GpuSegment[] = [];
  let at = 0;
  const gap = (to: number) => {
    if (to > at + 1e-9) out.push({ start: at, size: to - at, unitId: null, kind: 'empty', label: '', state: emptyState, holders: [] });
  };
  for (const p of placed) {
    gap(p.start);
    out.push(segment(p.u, p.start, p.size, p.u.kind === 'share' ? `${p.u.profile ?? 'slice'} share` : (p.u.profile ?? 'MIG')));
    at = Math.max(at, p.start + p.size);
  }
  gap(slots);
  return out;
}
