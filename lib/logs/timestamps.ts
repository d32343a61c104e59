/**
 * Timestamps of log lines. Kubernetes prints them as RFC 3339 with up to nine fractional digits
 * and trailing zeros trimmed, so two of them do not compare as strings; `tsKey` pads them to a
 * fixed width that does. Pure.
 */

const TS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/** A string that sorts like the instant (UTC, nine fractional digits), or null if not a timestamp. */
export function tsKey(ts: string): string | null {
  const m = TS.exec(ts);
  if (!m) return null;
  let base = m[1]!;
  if (m[3] !== 'Z') {
    const ms = Date.parse(`${m[1]}${m[3]}`);
    if (Number.isNaN(ms)) return null;
    base = new Date(ms).toISOString().slice(0, 19);
  }
  return `${base}.${(m[2] ?? '').padEnd(9, '0')}Z`;
}

/** Splits `2026-01-02T03:04:05.123Z message` (the API's `timestamps=true` output) into its parts. */
export function splitTimestamped(line: string): { ts: string; text: string } {
  const sp = line.indexOf(' ');
  const head = sp < 0 ? line : line.slice(0, sp);
  if (tsKey(head) === null) return { ts: '', text: line };
  return { ts: head, text: sp < 0 ? '' : line.slice(sp + 1) };
}

/** One line of a CRI log file: `<RFC3339Nano> <stdout|stderr> <F|P> <message>`. */
export interface CriLine {
  ts: string;
  stream: 'stdout' | 'stderr';
  partial: boolean;
  text: string;
}

/** Parses one CRI-format line (as kwok and the kubelet read them); null when malformed. */
export function parseCriLine(line: string): CriLine | null {
  const m = /^(\S+) (stdout|stderr) (F|P)(?: (.*))?$/.exec(line);
  if (!m || tsKey(m[1]!) === null) return null;
  return { ts: m[1]!, stream: m[2] as CriLine['stream'], partial: m[3] === 'P', text: m[4] ?? '' };
}

/** Formats a CRI-format line (the generator's output). */
export function formatCriLine(date: Date, text: string, stream: 'stdout' | 'stderr' = 'stdout'): string {
  return `${date.toISOString()} ${stream} F ${text}\n`;
}
