/**
 * Search and filter over log lines: a query becomes a RegExp (plain text is escaped), an invalid
 * regex becomes a message instead of an exception, and matches become [start, end) ranges for
 * highlighting. Also the line level (ERROR / WARN) used for colouring. Pure.
 */

export type Compiled = { ok: true; re: RegExp | null } | { ok: false; error: string };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a search or filter query; empty → `re: null` (matches everything, highlights nothing). */
export function compileQuery(query: string, opts: { regex?: boolean; caseSensitive?: boolean } = {}): Compiled {
  if (!query) return { ok: true, re: null };
  try {
    return { ok: true, re: new RegExp(opts.regex ? query : escape(query), opts.caseSensitive ? 'g' : 'gi') };
  } catch (e) {
    return {
      ok: false,
      error: `Invalid regular expression: ${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e)}`,
    };
  }
}

/** Match ranges of `re` in `text` (empty matches are skipped so a pattern like `a*` cannot loop). */
export function findMatches(text: string, re: RegExp | null, limit = 200): [number, number][] {
  if (!re) return [];
  const out: [number, number][] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && out.length < limit) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  re.lastIndex = 0;
  return out;
}

export function matches(text: string, re: RegExp | null): boolean {
  if (!re) return true;
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

export type LogLevel = 'error' | 'warn' | null;

const ERROR =
  /\b(ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC|Traceback|Exception)\b|level=(error|fatal)|"level":\s*"(error|fatal)"/i;
const WARN = /\b(WARN|WARNING)\b|level=warn|"level":\s*"warn(ing)?"/i;

/** ERROR / WARN by the usual markers of log formats (plain, logfmt, JSON). */
export function lineLevel(text: string): LogLevel {
  if (ERROR.test(text)) return 'error';
  if (WARN.test(text)) return 'warn';
  return null;
}

/** The index of the next (dir 1) or previous (dir -1) hit after `from`, wrapping around; -1 if none. */
export function nextHit(hits: readonly number[], from: number, dir: 1 | -1): number {
  if (hits.length === 0) return -1;
  if (dir === 1) return hits.find((h) => h > from) ?? hits[0]!;
  for (let i = hits.length - 1; i >= 0; i--) if (hits[i]! < from) return hits[i]!;
  return hits[hits.length - 1]!;
}

/** A stable colour per pod name (selector mode), from a palette readable on dark. */
const POD_COLOURS = [
  '#60a5fa',
  '#f472b6',
  '#34d399',
  '#fbbf24',
  '#a78bfa',
  '#f87171',
  '#22d3ee',
  '#a3e635',
  '#fb923c',
  '#e879f9',
];
export function podColour(pod: string): string {
  let h = 0;
  for (let i = 0; i < pod.length; i++) h = (h * 31 + pod.charCodeAt(i)) >>> 0;
  return POD_COLOURS[h % POD_COLOURS.length]!;
}
