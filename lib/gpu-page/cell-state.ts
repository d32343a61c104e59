/**
 * What a GPU map segment shows: the model's unit state, or `idle` when a holder of an allocated
 * unit is a pod DCGM reports as idle. Pure; the map, its legend and its filter share it.
 */
import type { GpuSegment, PodRef } from '../gpu/model-types';

export type CellState = 'allocated' | 'idle' | 'free' | 'blocked' | 'unavailable';

export const CELL_STATES: readonly CellState[] = ['allocated', 'idle', 'free', 'blocked', 'unavailable'];

/** `namespace/name`: the key the idle set and the model's holdings use. */
export const podKey = (p: PodRef) => `${p.namespace}/${p.name}`;

/**
 * The segment's state for the map. Idle applies to allocated segments only: a free GPU is not
 * "idle", it is free. Without Prometheus the idle set is empty and nothing is idle.
 */
export function cellState(s: Pick<GpuSegment, 'state' | 'holders'>, idlePods: ReadonlySet<string>): CellState {
  if (s.state !== 'allocated' || idlePods.size === 0) return s.state;
  for (const h of s.holders) if (h.pod && idlePods.has(podKey(h.pod))) return 'idle';
  return 'allocated';
}

/** The pods the idle-GPU finder flagged, as a set of `namespace/name`. */
export function idlePodSet(items: readonly { namespace: string; pod: string }[] | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const i of items ?? []) if (i.pod) out.add(`${i.namespace}/${i.pod}`);
  return out;
}
