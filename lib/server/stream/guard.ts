import 'server-only';
import { authSettings } from '../auth/settings';
import { touched, type Session } from '../auth/session';
import { KubeError } from '../kube/errors';
import { mapLimit } from '../map-limit';

/** Why the panel ended a stream by itself (sent to the browser in an `ended` event before it closes). */
export type StreamEndReason = 'signed-out' | 'expired' | 'idle' | 'rights';

/** The `ended` event's data. */
export interface StreamEnded {
  reason: StreamEndReason;
  message: string;
}

/** One open stream as the guard sees it. */
export interface GuardedStream {
  session: Session;
  /**
   * Asks Kubernetes again whether the user still has what the stream needs: a message saying what
   * is gone, or null. A failure to ask (API server unreachable) keeps the stream going.
   */
  recheck: () => Promise<string | null>;
  /** Ends the stream: send `ended` with the reason, then close. Called at most once. */
  end: (why: StreamEnded) => void;
}

interface Entry extends GuardedStream {
  done: boolean;
  deadline: NodeJS.Timeout;
  /** When a re-check first said the rights were gone (null while they are not). */
  goneSince: number | null;
}

/**
 * A denial must hold this long, over two re-checks, before a stream is ended: a kube-apiserver
 * that has just restarted answers access reviews (and token reviews) before its RBAC caches are
 * filled, and denies everything for a few seconds — that is not a withdrawn right.
 */
export function confirmMs(): number {
  return Math.max(recheckMs(), 5_000);
}

interface GuardState {
  streams: Set<Entry>;
  timer: NodeJS.Timeout | null;
  checking: boolean;
}

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodStreamGuard?: GuardState };
const state: GuardState = (g.__imagepodStreamGuard ??= { streams: new Set(), timer: null, checking: false });

/** How often every open stream's rights are asked again (`IMAGEPOD_STREAM_RECHECK_MS`, default 30 s). */
export function recheckMs(): number {
  const v = Number(process.env.IMAGEPOD_STREAM_RECHECK_MS);
  return Number.isInteger(v) && v >= 100 ? v : 30_000;
}

/**
 * When a stream opened now for this session must end: the session's absolute expiry, or its idle
 * expiry — a stream is not activity, the requests that re-date the cookie are (route.ts re-dates it
 * on this very request when it was last seen over a minute ago, hence `touched`).
 */
export function streamDeadline(s: Session, now = Date.now()): { at: number; reason: 'expired' | 'idle' } {
  const seen = touched(s, now) ? now : s.seen;
  const idleAt = seen + authSettings().idleMs;
  return s.exp <= idleAt ? { at: s.exp, reason: 'expired' } : { at: idleAt, reason: 'idle' };
}

const MESSAGES: Record<'expired' | 'idle' | 'signed-out', string> = {
  expired: 'Your session has expired; sign in again',
  idle: 'Your session ended after a period of inactivity; sign in again',
  'signed-out': 'You have signed out',
};

function finish(e: Entry, why: StreamEnded): void {
  if (e.done) return;
  e.done = true;
  clearTimeout(e.deadline);
  state.streams.delete(e);
  if (state.streams.size === 0 && state.timer) {
    clearInterval(state.timer);
    state.timer = null;
  }
  e.end(why);
}

async function tick(): Promise<void> {
  // A slow round (many sessions, a slow API server) is not overlapped by the next one.
  if (state.checking) return;
  state.checking = true;
  try {
    await mapLimit([...state.streams], 16, async (e) => {
      if (e.done) return;
      let gone: string | null;
      try {
        gone = await e.recheck();
      } catch (err) {
        // The token itself is refused (expired, revoked): nothing the stream needs is allowed any more.
        if (err instanceof KubeError && err.upstreamStatus === 401)
          gone = 'Kubernetes no longer accepts your credentials';
        else return;
      }
      if (!gone) {
        e.goneSince = null;
        return;
      }
      const now = Date.now();
      e.goneSince ??= now;
      if (now - e.goneSince >= confirmMs()) finish(e, { reason: 'rights', message: gone });
    });
  } finally {
    state.checking = false;
  }
}

/**
 * Watches one open stream until it ends: at its session's expiry (absolute or idle) it ends; every
 * `recheckMs` its rights are asked again and it ends when they are gone (still gone `confirmMs` later); sign-out of its session
 * on this process (`endSessionStreams`) ends it at once. Returns the release for the stream's own
 * cleanup (idempotent, never calls `end`).
 */
export function guardStream(s: GuardedStream): () => void {
  const dl = streamDeadline(s.session);
  const e: Entry = {
    ...s,
    done: false,
    goneSince: null,
    deadline: setTimeout(
      () => finish(e, { reason: dl.reason, message: MESSAGES[dl.reason] }),
      Math.max(0, dl.at - Date.now()),
    ),
  };
  e.deadline.unref();
  state.streams.add(e);
  if (!state.timer) {
    state.timer = setInterval(() => void tick(), recheckMs());
    state.timer.unref();
  }
  return () => {
    if (e.done) return;
    e.done = true;
    clearTimeout(e.deadline);
    state.streams.delete(e);
    if (state.streams.size === 0 && state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
  };
}

/** Ends every guarded stream of a session (sign-out on this process); returns how many. */
export function endSessionStreams(sid: string): number {
  let n = 0;
  for (const e of [...state.streams]) {
    if (e.session.sid !== sid) continue;
    finish(e, { reason: 'signed-out', message: MESSAGES['signed-out'] });
    n++;
  }
  return n;
}

/** Streams being guarded now (for tests and the bench). */
export function guardedStreams(): number {
  return state.streams.size;
}
