import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceCursor, resumeSinceTime, ResumeFilter, type ResumeCursor } from './resume';
import { tsKey } from './timestamps';

describe('resume without duplicates', () => {
  it("asks from the start of the last line's second and drops what was delivered", () => {
    let c: ResumeCursor | null = null;
    for (const ts of ['2026-01-01T00:00:01.5Z', '2026-01-01T00:00:02.25Z', '2026-01-01T00:00:02.25Z'])
      c = advanceCursor(c, ts);
    expect(c).toEqual({ key: '2026-01-01T00:00:02.250000000Z', seenAtKey: 2 });
    expect(resumeSinceTime(c!)).toBe('2026-01-01T00:00:02Z');
    const f = new ResumeFilter(c);
    const replay = [
      '2026-01-01T00:00:02.1Z',
      '2026-01-01T00:00:02.25Z',
      '2026-01-01T00:00:02.25Z',
      '2026-01-01T00:00:02.25Z',
      '2026-01-01T00:00:03Z',
    ];
    expect(replay.map((t) => f.accept(t))).toEqual([false, false, false, true, true]);
  });

  it('no cursor: everything passes; unstamped lines pass', () => {
    expect(new ResumeFilter(null).accept('2020-01-01T00:00:00Z')).toBe(true);
    expect(new ResumeFilter({ key: '2026-01-01T00:00:00.000000000Z', seenAtKey: 1 }).accept('')).toBe(true);
  });

  it('for any log cut anywhere: delivered-before + accepted-after = the log, exactly once each', () => {
    // Sorted timestamps with many ties inside few seconds, as a busy container writes them.
    const logArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 60 })
      .map((xs) =>
        xs.map(([s, f]) => `2026-01-01T00:00:0${s}.${f}Z`).sort((a, b) => tsKey(a)!.localeCompare(tsKey(b)!)),
      );
    fc.assert(
      fc.property(logArb, fc.nat(), (log, cutAt) => {
        const cut = cutAt % (log.length + 1);
        let c: ResumeCursor | null = null;
        const delivered = log.slice(0, cut);
        for (const ts of delivered) c = advanceCursor(c, ts);
        // What the API server sends after a reconnect with sinceTime = the cursor's second (inclusive).
        const since = c ? tsKey(resumeSinceTime(c))! : '';
        const replay = log.filter((ts) => tsKey(ts)! >= since);
        const f = new ResumeFilter(c);
        const after = replay.filter((ts) => f.accept(ts));
        expect([...delivered, ...after]).toEqual(log);
      }),
    );
  });
});
