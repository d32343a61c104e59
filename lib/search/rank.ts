/**
 * Fuzzy ranking for the command palette: how well a typed query names a thing. Pure and shared
 * (the server ranks cached nodes, pods and workloads; the browser ranks pages and actions), so a
 * page and a pod with the same match score the same.
 *
 * Order of preference: the whole name, a prefix, a match at a word start (after `-`, `.`, `/`, `_`,
 * `:` or a space), anywhere in the name, and last the query's letters in order with gaps
 * (`ipw` → `imagepod-web`), where letters at word starts and runs of letters count more.
 */

const BOUNDARY = new Set(['-', '.', '/', '_', ':', ' ']);

/** Scores of the match classes; a class always beats every match of a lower one. */
export const SCORE = { exact: 1000, prefix: 800, word: 600, substring: 400, fuzzy: 0 } as const;

function atBoundary(text: string, i: number): boolean {
  return i === 0 || BOUNDARY.has(text[i - 1]!);
}

/** The query's letters in order inside `text`, scored 1..199 (word starts and runs score more); null if absent. */
function fuzzyScore(q: string, text: string): number | null {
  let ti = 0;
  let score = 0;
  let prev = -2;
  for (let qi = 0; qi < q.length; qi++) {
    const c = q[qi]!;
    // Prefer the next occurrence that starts a word, if there is one before the plain next one runs out.
    let found = text.indexOf(c, ti);
    if (found < 0) return null;
    if (!atBoundary(text, found) && found !== prev + 1) {
      for (let j = found + 1; j < text.length; j++) {
        if (text[j] === c && atBoundary(text, j)) {
          found = j;
          break;
        }
      }
    }
    if (found === prev + 1) score += 5;
    if (atBoundary(text, found)) score += 8;
    score -= Math.min(found - ti, 10) * 0.5;
    prev = found;
    ti = found + 1;
  }
  return Math.max(1, Math.min(199, 100 + score - text.length * 0.1));
}

const UPPER = /[A-Z]/;

/**
 * How well `query` (already lower-cased, trimmed) names `text`: a higher number is a better match,
 * null is no match. Within a class, earlier and shorter matches rank first.
 */
export function matchScore(query: string, text: string): number | null {
  if (query.length === 0) return null;
  // Kubernetes names are lower-case already: no copy per row and keystroke for them.
  const t = UPPER.test(text) ? text.toLowerCase() : text;
  if (t === query) return SCORE.exact;
  if (t.startsWith(query)) return SCORE.prefix + 100 - Math.min(t.length - query.length, 100) * 0.5;
  let at = t.indexOf(query);
  if (at > 0) {
    const first = at;
    while (at >= 0 && !atBoundary(t, at)) at = t.indexOf(query, at + 1);
    if (at >= 0) return SCORE.word + 100 - Math.min(at, 100) * 0.5 - Math.min(t.length, 100) * 0.1;
    return SCORE.substring + 100 - Math.min(first, 100) * 0.5 - Math.min(t.length, 100) * 0.1;
  }
  return fuzzyScore(query, t);
}

/** The query as the ranker wants it: trimmed, lower-cased, inner spaces collapsed. */
export function normaliseQuery(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A query of several words (`web imagepod`) against a name and its context (the namespace):
 * every word must match the name or the context; a word matched only by the context counts less.
 */
export function termsScore(query: string, name: string, context = ''): number | null {
  if (!query.includes(' ')) {
    const n = matchScore(query, name);
    if (n !== null || !context) return n;
    // `imagepod/web-1`: the namespace and the name as one path.
    return query.includes('/') ? matchScore(query, `${context}/${name}`) : null;
  }
  let total = 0;
  for (const term of query.split(' ')) {
    const n = matchScore(term, name);
    const c = context ? matchScore(term, context) : null;
    if (n === null && c === null) return null;
    total += Math.max(n ?? -Infinity, c === null ? -Infinity : c / 4);
  }
  return total / query.split(' ').length;
}
