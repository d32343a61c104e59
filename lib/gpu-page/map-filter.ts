/**
 * The GPU map's filters: GPU model, a node label selector (kubectl `-l` text) and a cell state.
 * A node is shown when its labels match and at least one of its GPUs of the model has a segment
 * in the state; only its GPUs of the model are drawn. Pure.
 */
import type { Selector } from '../label-selector';
import { matchesSelector } from '../label-selector';
import type { NodeGpuModel, PhysicalGpu } from '../gpu/model-types';
import { gpuSegments } from '../gpu/segments';
import { cellState, type CellState } from './cell-state';

export interface MapFilter {
  /** A GPU model exactly as the model names it (`NVIDIA-H100-80GB-HBM3`), or '' for all. */
  model: string;
  selector: Selector;
  state: CellState | '';
}

/** One row of the map: a node and the GPUs it draws. */
export interface MapRow {
  node: NodeGpuModel;
  gpus: PhysicalGpu[];
}

/** `unknown` for GPUs whose model the node does not say. */
export const productOf = (g: PhysicalGpu) => g.product ?? 'unknown';

function hasState(g: PhysicalGpu, state: CellState, idlePods: ReadonlySet<string>): boolean {
  // A GPU with every unit free draws nothing but free (and, for MIG, unconfigured) stretches.
  if (g.state === 'free' && (state === 'allocated' || state === 'idle' || state === 'blocked')) return false;
  return gpuSegments(g).some((s) => cellState(s, idlePods) === state);
}

/** The rows to draw, in the order of `nodes`; nodes without GPUs are left out. */
export function filterMapRows(nodes: readonly NodeGpuModel[], f: MapFilter, idlePods: ReadonlySet<string>): MapRow[] {
  const out: MapRow[] = [];
  for (const node of nodes) {
    if (node.gpus.length === 0) continue;
    if (f.selector.length > 0 && !matchesSelector(f.selector, node.labels)) continue;
    const gpus = f.model ? node.gpus.filter((g) => productOf(g) === f.model) : node.gpus;
    if (gpus.length === 0) continue;
    if (f.state) {
      const state = f.state;
      if (!gpus.some((g) => hasState(g, state, idlePods))) continue;
    }
    out.push({ node, gpus });
  }
  return out;
}

/** Every GPU model on the nodes, sorted, for the model filter's options. */
export function mapModels(nodes: readonly NodeGpuModel[]): string[] {
  const seen = new Set<string>();
  for (const n of nodes) for (const g of n.gpus) seen.add(productOf(g));
  return [...seen].sort();
}
