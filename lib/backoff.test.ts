import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay, RECONNECT_POLICY } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 40].map((a) => backoffDelay(a, RECONNECT_POLICY))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, { baseMs: 100, capMs: 1000 })).toBe(100);
  });
  it('jitters between half the base and the ceiling', () => {
    expect(backoffDelay(3, { baseMs: 100, capMs: 1000, random: () => 0 })).toBe(50);
    expect(backoffDelay(3, { baseMs: 100, capMs: 1000, random: () => 1 })).toBe(800);
    expect(backoffDelay(9, { baseMs: 100, capMs: 1000, random: () => 1 })).toBe(1000);
  });
});

describe('Backoff', () => {
  it('counts attempts and resets', () => {
    const b = new Backoff(100, 1000, () => 1);
    expect([b.next(), b.next(), b.next()]).toEqual([100, 200, 400]);
    b.reset();
    expect(b.next()).toBe(100);
  });
});
