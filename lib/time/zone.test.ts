import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, isKnownZone, parseTimeZone, serializeTimeZone, zoneOf } from './zone';

describe('time-zone setting', () => {
  it('round-trips through the cookie value', () => {
    for (const s of [{ mode: 'utc' } as const, { mode: 'local', zone: 'Europe/Berlin' } as const]) {
      expect(parseTimeZone(serializeTimeZone(s))).toEqual(s);
    }
    expect(serializeTimeZone({ mode: 'local', zone: 'America/New_York' })).toBe('local:America/New_York');
  });

  it('falls back to UTC for missing, malformed or unknown values', () => {
    for (const v of [undefined, null, '', 'local:', 'local:Mars/Olympus', 'local:<script>', 'LOCAL', 'x'.repeat(200)]) {
      expect(parseTimeZone(v)).toEqual(DEFAULT_TIME_ZONE);
    }
  });

  it('names the zone to format in', () => {
    expect(zoneOf({ mode: 'utc' })).toBe('UTC');
    expect(zoneOf({ mode: 'local', zone: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(isKnownZone('Asia/Tokyo')).toBe(true);
    expect(isKnownZone('../etc/passwd')).toBe(false);
  });
});
