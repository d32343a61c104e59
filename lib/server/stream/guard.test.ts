import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../auth/session';
import { endSessionStreams, guardedStreams, guardStream, streamDeadline, type StreamEnded } from './guard';

const session = (over: Partial<Session> = {}): Session => ({
  v: 1,
  sid: 's1',
  mode: 'token',
  user: { username: 'u', groups: [] },
  iat: Date.now(),
  seen: Date.now(),
  exp: Date.now() + 12 * 3600_000,
  ...over,
});

describe('stream guard', () => {
  afterEach(() => {
    vi.useRealTimers();
    delete process.env.IMAGEPOD_STREAM_RECHECK_MS;
  });

  it('ends a stream at idle expiry, counted from the last activity (not the stream)', () => {
    vi.useFakeTimers();
    const s = session();
    const d = streamDeadline(s);
    expect(d.reason).toBe('idle');
    expect(d.at).toBe(s.seen + 60 * 60_000);
    const ended: StreamEnded[] = [];
    const release = guardStream({ session: s, recheck: async () => null, end: (w) => ended.push(w) });
    vi.advanceTimersByTime(60 * 60_000 - 1);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ended).toEqual([{ reason: 'idle', message: expect.stringMatching(/inactivity/) }]);
    release();
    expect(guardedStreams()).toBe(0);
  });

  it('ends at absolute expiry when that comes first', () => {
    vi.useFakeTimers();
    const s = session({ exp: Date.now() + 5_000 });
    const ended: StreamEnded[] = [];
    guardStream({ session: s, recheck: async () => null, end: (w) => ended.push(w) });
    vi.advanceTimersByTime(5_000);
    expect(ended.map((e) => e.reason)).toEqual(['expired']);
    expect(guardedStreams()).toBe(0);
  });

  it('asks for the rights every period and ends the stream once they are gone, once', async () => {
    vi.useFakeTimers();
    process.env.IMAGEPOD_STREAM_RECHECK_MS = '1000';
    let allowed = true;
    let asked = 0;
    const ended: StreamEnded[] = [];
    guardStream({
      session: session(),
      recheck: async () => {
        asked++;
        return allowed ? null : 'may not read pods/log';
      },
      end: (w) => ended.push(w),
    });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(asked).toBe(2);
    expect(ended).toEqual([]);
    allowed = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ended).toEqual([]); // a denial must hold for 5 s over two re-checks
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ended).toEqual([{ reason: 'rights', message: 'may not read pods/log' }]);
    expect(guardedStreams()).toBe(0);
  });

  it('a denial that does not hold (an API server just restarted, its RBAC caches empty) keeps the stream', async () => {
    vi.useFakeTimers();
    process.env.IMAGEPOD_STREAM_RECHECK_MS = '1000';
    const answers = [null, 'denied', 'denied', null, 'denied', null];
    const ended: StreamEnded[] = [];
    const release = guardStream({
      session: session(),
      recheck: async () => answers.shift() ?? null,
      end: (w) => ended.push(w),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ended).toEqual([]);
    release();
  });

  it('a failed re-check (API server unreachable) keeps the stream', async () => {
    vi.useFakeTimers();
    process.env.IMAGEPOD_STREAM_RECHECK_MS = '1000';
    const ended: StreamEnded[] = [];
    const release = guardStream({
      session: session(),
      recheck: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      end: (w) => ended.push(w),
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ended).toEqual([]);
    release();
  });

  it('sign-out ends every stream of that session and no other', () => {
    const ended: string[] = [];
    for (const sid of ['a', 'a', 'b'])
      guardStream({
        session: session({ sid }),
        recheck: async () => null,
        end: (w) => ended.push(`${sid}:${w.reason}`),
      });
    expect(endSessionStreams('a')).toBe(2);
    expect(ended).toEqual(['a:signed-out', 'a:signed-out']);
    expect(guardedStreams()).toBe(1);
    endSessionStreams('b');
    expect(guardedStreams()).toBe(0);
  });
});
