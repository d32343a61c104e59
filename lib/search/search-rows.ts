/**
 * The palette's search over the cached views: every node, pod and workload the user may see,
 * ranked by `termsScore`, the best `limit` kept. Pure: rows and visibility in, hits out; one pass
 * over each view and no sort of everything (a bounded insertion), so a query over 10,000 pods
 * costs one scan.
 */
import { podHref } from '../gpu-page/pod-links';
import { workloadHref } from '../metrics/idle-hours';
import type { NodeRow, PodRow, WorkloadRow } from '../views';
import { termsScore } from './rank';
import type { SearchAnswer, SearchHit } from './types';

/** One view's rows and which of them the user may see (absent: all). */
export interface SearchSource<T> {
  rows: Iterable<T>;
  visible?: (row: T) => boolean;
}

/** The views the palette searches; a view the user may not read at all is left out. */
export interface SearchSources {
  nodes?: SearchSource<NodeRow>;
  pods?: SearchSource<PodRow>;
  workloads?: SearchSource<WorkloadRow>;
}

/** Keeps the best `limit` hits seen, best first; ties go to the shorter, then alphabetically first label. */
class TopHits {
  readonly items: SearchHit[] = [];
  total = 0;
  constructor(private readonly limit: number) {}

  /** Whether a hit of this score would be kept (so the caller builds it only then). */
  wants(score: number): boolean {
    this.total++;
    return this.items.length < this.limit || score > this.items[this.items.length - 1]!.score;
  }

  add(hit: SearchHit): void {
    let i = this.items.length;
    while (i > 0 && before(hit, this.items[i - 1]!)) i--;
    this.items.splice(i, 0, hit);
    if (this.items.length > this.limit) this.items.pop();
  }
}

function before(a: SearchHit, b: SearchHit): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.label.length !== b.label.length) return a.label.length < b.label.length;
  return a.label < b.label;
}

function scan<T>(
  src: SearchSource<T> | undefined,
  top: TopHits,
  score: (r: T) => number | null,
  hit: (r: T, score: number) => SearchHit,
): void {
  if (!src) return;
  for (const r of src.rows) {
    if (src.visible && !src.visible(r)) continue;
    const s = score(r);
    if (s === null) continue;
    if (top.wants(s)) top.add(hit(r, s));
  }
}

/** Nodes, pods and workloads matching `query` (normalised, see `normaliseQuery`), best first. */
export function searchRows(query: string, sources: SearchSources, limit: number): SearchAnswer {
  const top = new TopHits(limit);
  if (query.length > 0) {
    scan(
      sources.nodes,
      top,
      (n) => termsScore(query, n.name),
      (n, score) => ({
        kind: 'node',
        key: n.key,
        namespace: null,
        label: n.name,
        detail: n.unschedulable ? `${n.status}, cordoned` : n.status,
        href: `/nodes/${encodeURIComponent(n.name)}`,
        score,
      }),
    );
    scan(
      sources.workloads,
      top,
      (w) => termsScore(query, w.name, w.namespace),
      (w, score) => ({
        kind: 'workload',
        key: w.key,
        namespace: w.namespace,
        label: w.name,
        detail: `${w.kind} in ${w.namespace}`,
        href: workloadHref(w.namespace, w.kind, w.name),
        score,
      }),
    );
    scan(
      sources.pods,
      top,
      (p) => termsScore(query, p.name, p.namespace),
      (p, score) => ({
        kind: 'pod',
        key: p.key,
        namespace: p.namespace,
        label: p.name,
        detail: `${p.namespace} · ${p.status}`,
        href: podHref(p),
        score,
      }),
    );
  }
  return { query, items: top.items, total: top.total, truncated: top.total > top.items.length };
}
