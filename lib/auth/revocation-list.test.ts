import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_REVOCATIONS,
  holdsAll,
  isSid,
  mergeRevocations,
  parseRevocations,
  revocationData,
} from './revocation-list';

const NOW = Date.parse('2030-01-01T00:00:00.000Z');
const sid = (i: number) => `sid${String(i).padStart(13, '0')}`;

describe('isSid', () => {
  it('takes base64url ids of 16 to 32 characters and nothing else', () => {
    expect(isSid('AbCdEfGh_-123456')).toBe(true);
    expect(isSid('a'.repeat(32))).toBe(true);
    for (const bad of [
      '',
      'short',
      'a'.repeat(33),
      'has space in it!',
      'slash/in/the/id12',
      'dots.are.not.ok.',
      '__proto__',
    ])
      expect(isSid(bad), bad).toBe(false);
  });
});

describe('parseRevocations', () => {
  it('reads id → ISO expiry and skips the expired, the malformed and the hand-edited', () => {
    const got = parseRevocations(
      {
        [sid(1)]: '2030-01-01T01:00:00.000Z',
        [sid(2)]: '2029-12-31T23:59:59.000Z', // expired
        [sid(3)]: '2030-01-01T00:00:00.000Z', // expires now: expired
        [sid(4)]: 'next tuesday',
        [sid(5)]: 42,
        'not a session id': '2030-01-01T01:00:00.000Z',
        token: 'eyJhbGciOi...',
      },
      NOW,
    );
    expect([...got]).toEqual([[sid(1), Date.parse('2030-01-01T01:00:00.000Z')]]);
  });

  it('reads nothing from no data', () => {
    expect(parseRevocations(undefined, NOW).size).toBe(0);
    expect(parseRevocations(null, NOW).size).toBe(0);
  });
});

describe('mergeRevocations', () => {
  it('unites both sides, the later expiry winning, and prunes the expired', () => {
    const got = mergeRevocations(
      [
        [sid(1), NOW + 1000],
        [sid(2), NOW - 1],
        [sid(3), NOW + 5000],
      ],
      [
        [sid(1), NOW + 3000],
        [sid(3), NOW + 2000],
        [sid(4), NOW + 10],
        ['bad id', NOW + 10],
        [sid(5), Number.NaN],
      ],
      NOW,
    );
    expect(Object.fromEntries(got)).toEqual({ [sid(1)]: NOW + 3000, [sid(3)]: NOW + 5000, [sid(4)]: NOW + 10 });
  });

  it('keeps at most `cap` entries, dropping those that expire soonest', () => {
    const base = Array.from({ length: 10 }, (_, i) => [sid(i), NOW + (i + 1) * 1000] as [string, number]);
    const got = mergeRevocations(base, [[sid(99), NOW + 500]], NOW, 4);
    expect([...got.keys()].sort()).toEqual([sid(6), sid(7), sid(8), sid(9)]);
    // A new sign-out with the longest time left pushes out the soonest one.
    const again = mergeRevocations(got, [[sid(100), NOW + 60_000]], NOW, 4);
    expect([...again.keys()].sort()).toEqual([sid(7), sid(8), sid(9), sid(100)]);
  });

  it('fits the cap of the stored list into a ConfigMap (1 MiB, with room for metadata)', () => {
    const full = mergeRevocations(
      [],
      Array.from({ length: MAX_REVOCATIONS + 500 }, (_, i) => ['x'.repeat(32 - String(i).length) + i, NOW + i + 1]),
      NOW,
    );
    expect(full.size).toBe(MAX_REVOCATIONS);
    expect(Buffer.byteLength(JSON.stringify(revocationData(full)))).toBeLessThan(800 * 1024);
  });

  it('never grows past the cap, never keeps an expired entry, and always keeps the latest-expiring ones', () => {
    const entry = fc.tuple(fc.integer({ min: 0, max: 40 }).map(sid), fc.integer({ min: -5000, max: 5000 }));
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), fc.integer({ min: 0, max: 20 }), (a, b, cap) => {
        const got = mergeRevocations(
          a.map(([s, d]) => [s, NOW + d]),
          b.map(([s, d]) => [s, NOW + d]),
          NOW,
          cap,
        );
        expect(got.size).toBeLessThanOrEqual(cap);
        for (const exp of got.values()) expect(exp).toBeGreaterThan(NOW);
        const best = new Map<string, number>();
        for (const [s, d] of [...a, ...b]) if (d > 0) best.set(s, Math.max(d, best.get(s) ?? d));
        const dropped = [...best].filter(([s]) => !got.has(s));
        const kept = [...got.values()];
        for (const [s, d] of dropped) {
          expect(got.size, `${s} dropped below the cap`).toBe(cap);
          expect(Math.min(...kept)).toBeGreaterThanOrEqual(NOW + d);
        }
        for (const [s, exp] of got) expect(exp).toBe(NOW + best.get(s)!);
      }),
    );
  });
});

describe('revocationData and holdsAll', () => {
  it('round-trips through the ConfigMap data', () => {
    const r = new Map([
      [sid(2), NOW + 2000],
      [sid(1), NOW + 1000],
    ]);
    const data = revocationData(r);
    expect(Object.keys(data)).toEqual([sid(1), sid(2)]);
    expect(data[sid(1)]).toBe('2030-01-01T00:00:01.000Z');
    expect(parseRevocations(data, NOW)).toEqual(r);
  });

  it('tells whether the stored list already has what a replica wants written', () => {
    const stored = new Map([[sid(1), NOW + 1000]]);
    expect(holdsAll(stored, [[sid(1), NOW + 1000]], NOW)).toBe(true);
    expect(holdsAll(stored, [[sid(1), NOW + 2000]], NOW)).toBe(false);
    expect(holdsAll(stored, [[sid(2), NOW + 1000]], NOW)).toBe(false);
    // An expired wish needs no write.
    expect(holdsAll(stored, [[sid(2), NOW - 1]], NOW)).toBe(true);
  });
});
