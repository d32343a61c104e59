import { describe, expect, it } from 'vitest';
import { AUDIT_RANGES, FailureWindow, auditRanges, parseGoDuration } from './audit-window';

describe('FailureWindow', () => {
  it('records the first few failures of a window and counts the rest', () => {
    const w = new FailureWindow(60_000, 3);
    const answers = Array.from({ length: 1000 }, (_, i) => w.admit(1_000 + i, `failure ${i}`));
    expect(answers.filter((a) => a === 'record')).toHaveLength(3);
    expect(answers.slice(0, 3)).toEqual(['record', 'record', 'record']);
    const s = w.close(61_000);
    expect(s).toEqual({
      suppressed: 997,
      since: new Date(1_000).toISOString(),
      until: new Date(61_000).toISOString(),
      latest: 'failure 999',
    });
  });

  it('starts a new window once the old one has passed, and summarises nothing when nothing was suppressed', () => {
    const w = new FailureWindow(60_000, 2);
    expect(w.admit(0, 'a')).toBe('record');
    expect(w.admit(1, 'b')).toBe('record');
    expect(w.admit(2, 'c')).toBe('count');
    expect(w.endsAt()).toBe(60_000);
    expect(w.admit(60_000, 'd')).toBe('record');
    expect(w.close(60_001)).toBeNull();
    expect(w.admit(70_000, 'e')).toBe('record');
  });
});

describe('auditRanges', () => {
  it('offers only the time filters no longer than the records live', () => {
    expect(auditRanges(3_600_000).map((r) => r.value)).toEqual(['15m', '1h']);
    expect(auditRanges(24 * 3_600_000).map((r) => r.value)).toEqual(['15m', '1h', '6h', '24h']);
    expect(auditRanges(60_000)).toEqual([]);
    expect(auditRanges(Infinity)).toEqual(AUDIT_RANGES);
  });
});

describe('parseGoDuration', () => {
  it('reads the API server flag durations and refuses anything else', () => {
    expect(parseGoDuration('1h')).toBe(3_600_000);
    expect(parseGoDuration('1h30m0s')).toBe(5_400_000);
    expect(parseGoDuration(' 90m ')).toBe(5_400_000);
    expect(parseGoDuration('3600s')).toBe(3_600_000);
    for (const bad of ['', 'h', '1d', '-1h', '0s', '1.5h', '1H', 'abc', '1h 2m'])
      expect(parseGoDuration(bad), bad).toBeNull();
  });
});
