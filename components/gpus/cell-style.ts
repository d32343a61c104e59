/**
 * The map's colours, one per cell state, shared by cells and legend so both always agree.
 * Blocked is hatched: it is not held itself, a neighbour makes it unusable.
 */
import type { CellState } from '@/lib/gpu-page/cell-state';

export const CELL_CLASS: Record<CellState, string> = {
  allocated: 'bg-indigo-500 text-white',
  idle: 'bg-orange-400 text-white',
  free: 'bg-emerald-100 text-emerald-900',
  blocked: 'bg-[repeating-linear-gradient(135deg,#fde68a_0_4px,#fcd34d_4px_8px)] text-amber-900',
  unavailable: 'bg-zinc-200 text-zinc-500',
};

export const CELL_LABEL: Record<CellState, string> = {
  allocated: 'Allocated',
  idle: 'Allocated, idle (DCGM)',
  free: 'Free',
  blocked: 'Blocked by a neighbour',
  unavailable: 'Unavailable',
};
