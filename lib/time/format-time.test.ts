import { describe, expect, it } from 'vitest';
import {
  formatTick,
  formatTime,
  fromZonedInput,
  offsetLabel,
  offsetMinutes,
  toMillis,
  toZonedInput,
} from './format-time';

const T = Date.parse('2026-12-01T18:24:45.123Z');

describe('formatTime', () => {
  it('writes UTC as ISO-like text with the zone', () => {
    expect(formatTime('2026-12-01T18:24:45Z', 'UTC')).toBe('2026-12-01 18:24:45 UTC');
    expect(formatTime(T, 'UTC')).toBe('2026-12-01 18:24:45 UTC');
    expect(formatTime(new Date(T), 'UTC')).toBe('2026-12-01 18:24:45 UTC');
  });

  it('writes a local zone with its offset at that instant (DST included)', () => {
    expect(formatTime(T, 'Europe/Berlin')).toBe('2026-12-01 19:24:45 +01:00');
    expect(formatTime('2026-07-01T18:24:45Z', 'Europe/Berlin')).toBe('2026-07-01 20:24:45 +02:00');
    expect(formatTime(T, 'America/New_York')).toBe('2026-12-01 13:24:45 -05:00');
    expect(formatTime(T, 'Asia/Kolkata')).toBe('2026-12-01 23:54:45 +05:30');
    expect(formatTime(T, 'Europe/London')).toBe('2026-12-01 18:24:45 UTC');
  });

  it('crosses the date line and midnight (24h clock, never "24:00")', () => {
    expect(formatTime('2026-12-31T23:30:00Z', 'Pacific/Auckland')).toBe('2027-01-01 12:30:00 +13:00');
    expect(formatTime('2026-12-01T00:00:00Z', 'UTC')).toBe('2026-12-01 00:00:00 UTC');
  });

  it('adds milliseconds or leaves the zone off on request', () => {
    expect(formatTime(T, 'UTC', { millis: true })).toBe('2026-12-01 18:24:45.123 UTC');
    expect(formatTime(T, 'UTC', { millis: true, noZone: true })).toBe('2026-12-01 18:24:45.123');
    expect(formatTime('2026-12-01T18:24:45.000000001Z', 'UTC', { millis: true })).toBe('2026-12-01 18:24:45.000 UTC');
  });

  it('says "—" for missing or unparsable times', () => {
    for (const t of [null, undefined, '', 'yesterday', Number.NaN]) expect(formatTime(t, 'UTC')).toBe('—');
  });
});

describe('offsets', () => {
  it('labels offsets as ±hh:mm and 0 as UTC', () => {
    expect(offsetLabel(0)).toBe('UTC');
    expect(offsetLabel(60)).toBe('+01:00');
    expect(offsetLabel(-330)).toBe('-05:30');
    expect(offsetMinutes(T, 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(T, 'UTC')).toBe(0);
  });
});

describe('formatTick', () => {
  it('is the clock for short windows and adds the day for long ones, in the zone', () => {
    expect(formatTick(T, 3600, 'UTC')).toBe('18:24');
    expect(formatTick(T, 3600, 'Europe/Berlin')).toBe('19:24');
    expect(formatTick(T, 7 * 86_400, 'UTC')).toBe('12-01 18:24');
  });
});

describe('datetime-local inputs', () => {
  it('round-trips an instant through the input value in the zone', () => {
    const m = Date.parse('2026-12-01T18:24:00Z');
    expect(toZonedInput(m, 'UTC')).toBe('2026-12-01T18:24');
    expect(toZonedInput(m, 'Europe/Berlin')).toBe('2026-12-01T19:24');
    expect(fromZonedInput('2026-12-01T19:24', 'Europe/Berlin')).toBe(m);
    expect(fromZonedInput('2026-12-01T18:24', 'UTC')).toBe(m);
    expect(fromZonedInput('2026-07-01T20:24', 'Europe/Berlin')).toBe(Date.parse('2026-07-01T18:24:00Z'));
  });

  it('rejects values that are not datetime-local', () => {
    expect(fromZonedInput('2026-12-01 18:24', 'UTC')).toBeNull();
    expect(fromZonedInput('', 'UTC')).toBeNull();
  });
});

describe('toMillis', () => {
  it('reads ISO strings, numbers and Dates', () => {
    expect(toMillis('2026-12-01T18:24:45.123Z')).toBe(T);
    expect(toMillis(T)).toBe(T);
    expect(toMillis(new Date('nope'))).toBeNull();
  });
});
