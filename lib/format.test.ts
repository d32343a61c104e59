import { describe, expect, it } from 'vitest';
import { formatAge, formatRelative, humanDuration, plural } from './format';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [-5 * S, '0s'],
    [59 * S, '59s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [3 * M + 20 * S, '3m20s'],
    [10 * M + 5 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [5 * H + 12 * M, '5h12m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [4 * D + 3 * H, '4d3h'],
    [8 * D + 3 * H, '8d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [3 * 365 * D + 10 * D, '3y10d'],
    [9 * 365 * D, '9y'],
  ])('%i ms is %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-01-02T03:04:05Z');
  it('measures from the timestamp to now', () => {
    expect(formatAge('2026-01-02T03:00:05Z', now)).toBe('4m');
  });
  it('shows a dash for a missing or broken timestamp', () => {
    expect(formatAge(null, now)).toBe('—');
    expect(formatAge(undefined, now)).toBe('—');
    expect(formatAge('yesterday', now)).toBe('—');
  });
  it('never shows a negative age for clock skew', () => {
    expect(formatAge('2026-01-02T03:05:00Z', now)).toBe('0s');
  });
});

describe('plural', () => {
  it('picks the form by count and groups thousands', () => {
    expect(plural(1, 'pod')).toBe('1 pod');
    expect(plural(0, 'pod')).toBe('0 pods');
    expect(plural(10000, 'pod')).toBe('10,000 pods');
    expect(plural(2, 'policy', 'policies')).toBe('2 policies');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  it('says how far ahead or behind a time is', () => {
    expect(formatRelative('2026-01-01T00:14:00Z', now)).toBe('in 4m');
    expect(formatRelative('2026-01-01T00:07:00Z', now)).toBe('3m ago');
    expect(formatRelative(null, now)).toBe('—');
    expect(formatRelative('soon', now)).toBe('—');
  });
});
