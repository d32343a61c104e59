import { describe, expect, it } from 'vitest';
import { isReady, readyGraceMs } from './readiness';

const NOW = Date.parse('2026-12-02T03:00:00Z');

describe('isReady', () => {
  it('is false before the first LIST of every resource, whatever else', () => {
    expect(isReady({ everSynced: false, unsyncedSince: null }, NOW, 30_000)).toBe(false);
    expect(isReady({ everSynced: false, unsyncedSince: NOW }, NOW, 30_000)).toBe(false);
  });

  it('is true while synced', () => {
    expect(isReady({ everSynced: true, unsyncedSince: null }, NOW, 30_000)).toBe(true);
    expect(isReady({ everSynced: true, unsyncedSince: null }, NOW, 0)).toBe(true);
  });

  it('stays true through a reconnect shorter than the grace, and turns false after it', () => {
    const s = (agoMs: number) => ({ everSynced: true, unsyncedSince: NOW - agoMs });
    expect(isReady(s(0), NOW, 30_000)).toBe(true);
    expect(isReady(s(29_999), NOW, 30_000)).toBe(true);
    expect(isReady(s(30_000), NOW, 30_000)).toBe(true);
    expect(isReady(s(30_001), NOW, 30_000)).toBe(false);
    expect(isReady(s(3_600_000), NOW, 30_000)).toBe(false);
    // No grace: unready as soon as the sync is lost.
    expect(isReady(s(1), NOW, 0)).toBe(false);
  });
});

describe('readyGraceMs (IMAGEPOD_READY_GRACE_S)', () => {
  it.each([
    [undefined, 30_000],
    ['', 30_000],
    ['10', 10_000],
    [' 0.5 ', 500],
    ['0', 0],
    ['-5', 30_000],
    ['soon', 30_000],
    ['Infinity', 30_000],
  ])('%j → %d ms', (raw, ms) => {
    expect(readyGraceMs({ IMAGEPOD_READY_GRACE_S: raw })).toBe(ms);
  });
});
