/**
 * The operator's one time-zone setting: every absolute time in the panel reads in UTC or in the
 * browser's zone. It lives in a cookie, so the server renders the same text the browser will
 * (no hydration mismatch), and it carries the browser's IANA zone name because the server has
 * no other way to know it. Pure.
 */

/** UTC, or the browser's zone by its IANA name (`Europe/Berlin`). */
export type TimeZoneSetting = { mode: 'utc' } | { mode: 'local'; zone: string };

/** The name of the cookie that holds the setting. */
export const TIME_ZONE_COOKIE = 'imagepod-tz';

/** Without a cookie the panel shows UTC, as the cluster's own timestamps are. */
export const DEFAULT_TIME_ZONE: TimeZoneSetting = { mode: 'utc' };

const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/** Whether `zone` is an IANA zone this runtime can format in. */
export function isKnownZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone to format in: `UTC`, or the local zone's name. */
export function zoneOf(s: TimeZoneSetting): string {
  return s.mode === 'utc' ? 'UTC' : s.zone;
}

/** The cookie's value: `utc` or `local:<zone>`. */
export function serializeTimeZone(s: TimeZoneSetting): string {
  return s.mode === 'utc' ? 'utc' : `local:${s.zone}`;
}

/** The setting a cookie value names; anything malformed or unknown is the default. */
export function parseTimeZone(value: string | null | undefined): TimeZoneSetting {
  if (!value) return DEFAULT_TIME_ZONE;
  if (value === 'utc') return { mode: 'utc' };
  const m = /^local:(.+)$/.exec(value);
  if (m && isKnownZone(m[1]!)) return { mode: 'local', zone: m[1]! };
  return DEFAULT_TIME_ZONE;
}
