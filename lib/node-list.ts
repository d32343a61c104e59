/**
 * Filtering and sorting the nodes table in the browser, the way the pods table is (lib/pod-list.ts):
 * a label selector and a free-text search narrow the full nodes view, a header click sorts it. Pure.
 */
import { sumGpus } from './gpu';
import { matchesSelector, type Selector } from './label-selector';
import { parseQuantity } from './quantity';
import type { NodeRow } from './views';

export interface NodeFilter {
  /** A parsed label selector; the empty selector matches everything. */
  selector: Selector;
  /** Case-insensitive text matched against name, status, roles, GPU product and kubelet version. */
  search: string;
}

/** The rows that pass the filter, in their original order. */
export function filterNodes(rows: readonly NodeRow[], f: NodeFilter): NodeRow[] {
  const needle = f.search.trim().toLowerCase();
  return rows.filter((n) => {
    if (f.selector.length > 0 && !matchesSelector(f.selector, n.labels)) return false;
    if (!needle) return true;
    return [n.name, n.status, n.roles.join(','), n.gpuProduct ?? '', n.kubeletVersion ?? ''].some((s) =>
      s.toLowerCase().includes(needle),
    );
  });
}

/** The columns the nodes table sorts by. */
export const NODE_SORT_KEYS = ['name', 'status', 'cpu', 'memory', 'gpus'] as const;
export type NodeSortKey = (typeof NODE_SORT_KEYS)[number];
export interface NodeSort {
  key: NodeSortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_NODE_SORT: NodeSort = { key: 'name', dir: 'asc' };

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const amount = (q: string | null) => (q ? (parseQuantity(q) ?? 0) : 0);

function compareBy(key: NodeSortKey, a: NodeRow, b: NodeRow): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'status':
      return collator.compare(a.status, b.status);
    case 'cpu':
      return amount(a.cpuAllocatable) - amount(b.cpuAllocatable);
    case 'memory':
      return amount(a.memoryAllocatable) - amount(b.memoryAllocatable);
    case 'gpus':
      return sumGpus(a.gpuAllocatable) - sumGpus(b.gpuAllocatable);
  }
}

/** A sorted copy; ties fall back to the name (naturally: gpu-node-2 before gpu-node-10). */
export function sortNodes(rows: readonly NodeRow[], sort: NodeSort): NodeRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => sign * compareBy(sort.key, a, b) || collator.compare(a.name, b.name));
}
