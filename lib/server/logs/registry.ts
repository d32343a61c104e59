import 'server-only';
import { HttpError } from '../errors/http-error';

/** Limits of the log streams of this process (env overrides for tests and operators). */
export function logLimits() {
  const num = (name: string, dflt: number) => {
    const v = Number(process.env[name]);
    return Number.isInteger(v) && v > 0 ? v : dflt;
  };
  return {
    perSession: num('IMAGEPOD_LOG_STREAMS_PER_SESSION', 8),
    total: num('IMAGEPOD_LOG_STREAMS_TOTAL', 100),
    maxPods: num('IMAGEPOD_LOG_SELECTOR_MAX_PODS', 20),
    bytesPerSecond: num('IMAGEPOD_LOG_BYTES_PER_SECOND', 4 * 1024 * 1024),
    flushMs: num('IMAGEPOD_LOG_FLUSH_MS', 75),
  };
}

interface Registry {
  bySession: Map<string, number>;
  total: number;
}

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodLogStreams?: Registry };
const reg = (g.__imagepodLogStreams ??= { bySession: new Map(), total: 0 });

/**
 * Takes one stream slot for a session, or throws 429 (with Retry-After) when the session or the
 * process has too many open. Returns the release function (idempotent).
 */
export function acquireLogStream(sid: string): () => void {
  const limits = logLimits();
  const mine = reg.bySession.get(sid) ?? 0;
  if (mine >= limits.perSession) {
    throw new HttpError(
      429,
      'TOO_MANY_REQUESTS',
      `You have ${mine} log streams open; close one (at most ${limits.perSession} per session)`,
      undefined,
      { 'Retry-After': '5' },
    );
  }
  if (reg.total >= limits.total) {
    throw new HttpError(
      429,
      'TOO_MANY_REQUESTS',
      `The panel is serving ${reg.total} log streams, its limit; try again shortly`,
      undefined,
      { 'Retry-After': '5' },
    );
  }
  reg.bySession.set(sid, mine + 1);
  reg.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    reg.total--;
    const n = (reg.bySession.get(sid) ?? 1) - 1;
    if (n <= 0) reg.bySession.delete(sid);
    else reg.bySession.set(sid, n);
  };
}

/** Open streams (for tests and /api/metrics). */
export function openLogStreams(): { total: number; sessions: number } {
  return { total: reg.total, sessions: reg.bySession.size };
}
