/**
 * Filtering and sorting the pods table in the browser. The page holds the full pod view (so
 * stream deltas apply to it) and narrows it here; pure so 10,000 rows are handled predictably.
 */
import { matchesSelector, type Selector } from './label-selector';
import { sumGpus } from './gpu';
import type { PodRow } from './views';

export interface PodFilter {
  /** Exact namespace, or null for all namespaces. */
  namespace: string | null;
  /** A parsed label selector; the empty selector matches everything. */
  selector: Selector;
  /** Case-insensitive text matched against name, namespace, node, status and owner. */
  search: string;
}

export const EMPTY_POD_FILTER: PodFilter = { namespace: null, selector: [], search: '' };

/** The rows that pass every part of the filter, in their original order. */
export function filterPods(rows: readonly PodRow[], f: PodFilter): PodRow[] {
  const needle = f.search.trim().toLowerCase();
  return rows.filter((p) => {
    if (f.namespace !== null && p.namespace !== f.namespace) return false;
    if (f.selector.length > 0 && !matchesSelector(f.selector, p.labels)) return false;
    if (!needle) return true;
    return (
      p.name.toLowerCase().includes(needle) ||
      p.namespace.toLowerCase().includes(needle) ||
      (p.nodeName ?? '').toLowerCase().includes(needle) ||
      p.status.toLowerCase().includes(needle) ||
      (p.owner?.name ?? '').toLowerCase().includes(needle)
    );
  });
}

/** The columns the pods table sorts by. */
export const POD_SORT_KEYS = ['name', 'namespace', 'status', 'restarts', 'node', 'gpu', 'age'] as const;
export type PodSortKey = (typeof POD_SORT_KEYS)[number];
export interface PodSort {
  key: PodSortKey;
  dir: 'asc' | 'desc';
}

export const DEFAULT_POD_SORT: PodSort = { key: 'namespace', dir: 'asc' };

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareBy(key: PodSortKey, a: PodRow, b: PodRow): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'namespace':
      return collator.compare(a.namespace, b.namespace);
    case 'status':
      return collator.compare(a.status, b.status);
    case 'restarts':
      return a.restarts - b.restarts;
    case 'node':
      return collator.compare(a.nodeName ?? '', b.nodeName ?? '');
    case 'gpu':
      return sumGpus(a.gpu) - sumGpus(b.gpu);
    // Ascending age means youngest first, as in kubectl's --sort-by=.metadata.creationTimestamp reversed;
    // a missing timestamp sorts as the oldest.
    case 'age':
      return (b.createdAt ?? '').localeCompare(a.createdAt ?? '');
  }
}

/**
 * A sorted copy; ties fall back to namespace then name so the order is total and rows do not
 * jump around when a delta replaces one of them.
 */
export function sortPods(rows: readonly PodRow[], sort: PodSort): PodRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort(
    (a, b) =>
      sign * compareBy(sort.key, a, b) ||
      collator.compare(a.namespace, b.namespace) ||
      collator.compare(a.name, b.name),
  );
}

/** Distinct namespaces of the rows, sorted, for the namespace select. */
export function podNamespaces(rows: readonly PodRow[]): string[] {
  return [...new Set(rows.map((p) => p.namespace))].sort(collator.compare);
}

/** Clicking a header: same column flips the direction, another column starts ascending. */
export function toggleSort<K extends string>(
  current: { key: K; dir: 'asc' | 'desc' },
  key: K,
): { key: K; dir: 'asc' | 'desc' } {
  return current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}
