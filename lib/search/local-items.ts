/**
 * What the palette finds without asking the server: the pages and the actions. Pure; the
 * browser ranks them with the same `matchScore` as the server ranks cluster objects.
 */
import { matchScore } from './rank';
import type { SearchHit } from './types';

/** A page or action the palette offers; an action runs in the browser instead of opening a page. */
export interface LocalItem {
  kind: 'page' | 'action';
  key: string;
  label: string;
  detail: string;
  /** The page it opens (pages, and actions that are a page). */
  href?: string;
  /** Other words that find it (`theme` finds "Dark theme"). */
  keywords?: readonly string[];
}

/** A ranked local item: a hit whose `href` may be empty, with the item it came from. */
export type LocalHit = SearchHit & { item: LocalItem };

/** Local items matching `query` (normalised), best first; with no query, all of them in order. */
export function rankLocal(query: string, items: readonly LocalItem[]): LocalHit[] {
  const hits: LocalHit[] = [];
  for (const item of items) {
    let score: number | null = query ? matchScore(query, item.label) : 0;
    for (const k of item.keywords ?? []) {
      if (!query) break;
      const s = matchScore(query, k);
      // A keyword match counts a little less than the label's own.
      if (s !== null) score = Math.max(score ?? -Infinity, s - 1);
    }
    if (score === null) continue;
    hits.push({
      kind: item.kind,
      key: item.key,
      namespace: null,
      label: item.label,
      detail: item.detail,
      href: item.href ?? '',
      score,
      item,
    });
  }
  return query ? hits.sort((a, b) => b.score - a.score) : hits;
}

/**
 * Local hits and the server's, as one list: best score first, a page or action before a cluster
 * object of equal score, at most `limit`.
 */
export function mergeHits(local: readonly SearchHit[], remote: readonly SearchHit[], limit: number): SearchHit[] {
  const all = [...local.map((h, i) => ({ h, o: i })), ...remote.map((h, i) => ({ h, o: local.length + i }))];
  all.sort((a, b) => b.h.score - a.h.score || a.o - b.o);
  return all.slice(0, limit).map((x) => x.h);
}
