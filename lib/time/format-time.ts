/**
 * The panel's one way to write an absolute time: ISO-like `2026-12-01 18:24:45 UTC`, or in a
 * local zone with its offset, `2026-12-01 19:24:45 +01:00`. Every page, tooltip, chart axis and
 * export formats through here (eslint forbids `toLocale*String` on dates elsewhere), so one
 * setting changes them all. Pure: the zone is an argument, never the runtime's default.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
interface Wall {
  y: string;
  mo: string;
  d: string;
  h: string;
  mi: string;
  s: string;
}

function wall(ms: number, zone: string): Wall {
  const p: Record<string, string> = {};
  for (const part of formatter(zone).formatToParts(ms)) p[part.type] = part.value;
  return { y: p.year!, mo: p.month!, d: p.day!, h: p.hour!, mi: p.minute!, s: p.second! };
}

/** The zone's offset from UTC at an instant, in minutes (+60 for Berlin in winter). */
export function offsetMinutes(ms: number, zone: string): number {
  const w = wall(ms, zone);
  const asUtc = Date.UTC(+w.y, +w.mo - 1, +w.d, +w.h, +w.mi, +w.s);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** `UTC` for offset 0, `+01:00` / `-05:30` otherwise. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Milliseconds of an ISO string, epoch ms, or Date; null when missing or unparsable. */
export function toMillis(t: string | number | Date | null | undefined): number | null {
  if (t === null || t === undefined || t === '') return null;
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** Options of {@link formatTime}. */
export interface FormatTimeOptions {
  /** Milliseconds after the seconds (log lines): `18:24:45.123`. */
  millis?: boolean;
  /** Leave the zone off (a column whose header names it). */
  noZone?: boolean;
}

/**
 * An absolute time in `zone`: `2026-12-01 18:24:45 UTC`, `2026-12-01 19:24:45 +01:00`;
 * "—" when the time is missing or unparsable.
 */
export function formatTime(
  t: string | number | Date | null | undefined,
  zone: string,
  opts: FormatTimeOptions = {},
): string {
  const ms = toMillis(t);
  if (ms === null) return '—';
  const w = wall(ms, zone);
  const frac = opts.millis ? `.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}` : '';
  const base = `${w.y}-${w.mo}-${w.d} ${w.h}:${w.mi}:${w.s}${frac}`;
  return opts.noZone ? base : `${base} ${zoneLabel(ms, zone)}`;
}

/** The zone as written after a time: `UTC`, or the offset at that instant. */
export function zoneLabel(t: string | number | Date, zone: string): string {
  const ms = toMillis(t);
  return zone === 'UTC' || ms === null ? 'UTC' : offsetLabel(offsetMinutes(ms, zone));
}

/** A chart axis label in `zone`: `18:24` for windows up to two days, `12-01 18:24` beyond. */
export function formatTick(ms: number, rangeSeconds: number, zone: string): string {
  const w = wall(ms, zone);
  const hm = `${w.h}:${w.mi}`;
  return rangeSeconds > 2 * 86_400 ? `${w.mo}-${w.d} ${hm}` : hm;
}

/** An instant as an `<input type="datetime-local">` value (`2026-12-01T18:24`) in `zone`. */
export function toZonedInput(ms: number, zone: string): string {
  const w = wall(ms, zone);
  return `${w.y}-${w.mo}-${w.d}T${w.h}:${w.mi}`;
}

/** The instant a `datetime-local` value names in `zone`; null when it is not one. */
export function fromZonedInput(value: string, zone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (!Number.isFinite(asUtc)) return null;
  // The offset depends on the instant: take it at the first guess, then again at the result
  // (they differ only across a DST change).
  const first = asUtc - offsetMinutes(asUtc, zone) * 60_000;
  return asUtc - offsetMinutes(first, zone) * 60_000;
}
