/**
 * Filtering and ordering the workloads table. Pure and tested: the page narrows the cached
 * workloads view by kind, namespace and text.
 */
import { MAX_REPLICAS } from '@/lib/replicas';
import { WORKLOAD_RESOURCES, type WorkloadKind } from '@/lib/kube-resources';
import type { WorkloadRow } from '@/lib/views';

export interface WorkloadFilter {
  kind: WorkloadKind | null;
  namespace: string | null;
  search: string;
}

const KIND_ORDER: Record<WorkloadKind, number> = { Deployment: 0, StatefulSet: 1, DaemonSet: 2 };
const collator = new Intl.Collator('en', { numeric: true });

/** Rows that pass the filter, ordered by namespace, kind, name. */
export function filterWorkloads(rows: readonly WorkloadRow[], f: WorkloadFilter): WorkloadRow[] {
  const needle = f.search.trim().toLowerCase();
  return rows
    .filter(
      (w) =>
        (f.kind === null || w.kind === f.kind) &&
        (f.namespace === null || w.namespace === f.namespace) &&
        (!needle || w.name.toLowerCase().includes(needle) || w.images.some((i) => i.toLowerCase().includes(needle))),
    )
    .sort(
      (a, b) =>
        collator.compare(a.namespace, b.namespace) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        collator.compare(a.name, b.name),
    );
}

/** `workload-row-deployment-imagepod-imagepod-api`: the test id stem of a workload. */
export function workloadTestId(part: string, w: Pick<WorkloadRow, 'kind' | 'namespace' | 'name'>): string {
  return `workload-${part}-${w.kind.toLowerCase()}-${w.namespace}-${w.name}`;
}

/** The workload's detail page. */
export function workloadHref(w: Pick<WorkloadRow, 'kind' | 'namespace' | 'name'>): string {
  return `/workloads/${WORKLOAD_RESOURCES[w.kind]}/${encodeURIComponent(w.namespace)}/${encodeURIComponent(w.name)}`;
}

/**
 * Parses the replicas field: a whole number from 0 to `max` (MAX_REPLICAS, the scale route's bound
 * too), or the reason it is not, naming a character that is not a digit.
 */
export function parseReplicas(
  text: string,
  max: number = MAX_REPLICAS,
): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  const range = `a whole number from 0 to ${max}`;
  if (t === '') return { ok: false, error: `Replicas: ${range}` };
  const bad = [...t].findIndex((c) => c < '0' || c > '9');
  if (bad >= 0) return { ok: false, error: `Replicas: ${range}; “${t[bad]}” at position ${bad + 1} is not a digit` };
  const value = Number(t);
  if (value > max) return { ok: false, error: `Replicas: ${range}; ${t} is too many` };
  return { ok: true, value };
}
