import 'server-only';
import { envInt, slotTable } from '../http/slots';

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodLogWork?: { followers: number; batchers: number } };

/** Limits of the log streams of this process (env overrides for tests and operators). */
export function logLimits() {
  const num = envInt;
  return {
    perSession: num('IMAGEPOD_LOG_STREAMS_PER_SESSION', 8),
    total: num('IMAGEPOD_LOG_STREAMS_TOTAL', 100),
    maxPods: num('IMAGEPOD_LOG_SELECTOR_MAX_PODS', 20),
    bytesPerSecond: num('IMAGEPOD_LOG_BYTES_PER_SECOND', 4 * 1024 * 1024),
    flushMs: num('IMAGEPOD_LOG_FLUSH_MS', 75),
  };
}

const slots = slotTable('log-streams', logLimits, {
  session: (open, cap) => `You have ${open} log streams open; close one (at most ${cap} per session)`,
  total: (open) => `The panel is serving ${open} log streams, its limit; try again shortly`,
});

/**
 * Takes one stream slot for a session, or throws 429 (with Retry-After) when the session or the
 * process has too many open. Returns the release function (idempotent).
 */
export function acquireLogStream(sid: string): () => void {
  return slots.acquire(sid);
}

/** Open streams (for tests and /api/metrics). */
export function openLogStreams(): { total: number; sessions: number } {
  return slots.open();
}

/**
 * Work the log streams of this process hold now: running container followers (each an upstream
 * log request with a user's token) and started batchers (a timer each). Zero when no stream is
 * open, whichever way streams ended (for tests and the bench).
 */
export const logWork = (g.__imagepodLogWork ??= { followers: 0, batchers: 0 });
