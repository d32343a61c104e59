import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../errors/http-error';
import { authSettings } from './settings';

const g = globalThis as typeof globalThis & {
  __imagepodLoginLimiters?: { perClient: RateLimiterMemory; inFlight: { n: number; max: number } };
};

/**
 * Failed token sign-ins: 10 per minute per client address (IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE).
 * Only failures count: an attempt reserves a point while it runs (so a burst of parallel guesses
 * cannot overshoot) and a successful sign-in gives it back.
 *
 * Process-wide, at most 16 token checks run at once (IMAGEPOD_LOGIN_CHECKS_IN_FLIGHT) instead
 * of a shared failure budget: a shared budget would let one client that spreads its guesses over
 * made-up addresses lock everybody out for a minute, while a cap on concurrency bounds the load on
 * the API server (one cheap, refused review per guess) and frees itself the moment a flood stops.
 * Guessing is hopeless anyway: the API server checks a token's signature.
 *
 * Only the token POST is limited: GETs (single sign-on start and callback, the local link) never
 * touch a budget, so an `<img>` on another site cannot lock anyone out; their failures' audit
 * writes are bounded by lib/server/audit/sign-in-failures.ts, and their secrets (256-bit
 * one-time codes, the issuer's signed answer) cannot be guessed.
 */
function limiters() {
  const perMinute = Math.max(1, Number(process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE) || 10);
  const inFlight = Math.max(1, Number(process.env.IMAGEPOD_LOGIN_CHECKS_IN_FLIGHT) || 16);
  return (g.__imagepodLoginLimiters ??= {
    perClient: new RateLimiterMemory({ keyPrefix: 'login-client', points: perMinute, duration: 60 }),
    inFlight: { n: 0, max: inFlight },
  });
}

const lastEntry = (v: string | null) =>
  v
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);

/**
 * The client address a budget is kept for.
 *
 * - Behind a trusted proxy (IMAGEPOD_TRUST_PROXY=1): the address that proxy saw — the last
 *   `X-Forwarded-For` entry (the one the nearest proxy wrote; entries before it are whatever the
 *   client sent), else `X-Real-IP`.
 * - Otherwise: Next's route handlers get no socket, but Next's server fills `X-Forwarded-For`
 *   with the socket's remote address when the request has none. That is the best key there is:
 *   clients on different addresses get their own budgets. A client that sends the header itself
 *   can only move itself to another budget (never below the process-wide one), so the forgery buys
 *   it nothing beyond what the global limit allows. Behind `kubectl port-forward` every client is
 *   the loopback address and shares one budget.
 */
export function clientAddress(headers: Headers): string {
  if (authSettings().trustProxy) {
    const proxied = lastEntry(headers.get('x-forwarded-for')) ?? headers.get('x-real-ip')?.trim();
    if (proxied) return `proxy:${proxied}`;
  }
  const peer = lastEntry(headers.get('x-forwarded-for'));
  return peer ? `peer:${peer}` : 'direct';
}

function tooMany(e: RateLimiterRes): HttpError {
  const wait = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
  return new HttpError(429, 'TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${wait} s`, undefined, {
    'Retry-After': String(wait),
  });
}

/** A running sign-in attempt: `refund()` when it was no failure of the client's (the token was accepted); `end()` always. */
export interface LoginAttempt {
  refund(): Promise<void>;
  end(): void;
}

/**
 * Reserves one failure for a sign-in attempt from this client (429 when its budget is spent, or
 * when the process is already checking as many tokens as it will at once). The reservation stands
 * unless the attempt succeeds.
 */
export async function beginLoginAttempt(headers: Headers): Promise<LoginAttempt> {
  const { perClient, inFlight } = limiters();
  if (inFlight.n >= inFlight.max) {
    throw new HttpError(
      429,
      'TOO_MANY_REQUESTS',
      'The panel is checking many sign-ins at once; try again in 1 s',
      undefined,
      {
        'Retry-After': '1',
      },
    );
  }
  const key = clientAddress(headers);
  try {
    await perClient.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooMany(e);
    throw e;
  }
  inFlight.n++;
  let rewarded = false;
  let ended = false;
  return {
    async refund() {
      if (rewarded) return;
      rewarded = true;
      await perClient.reward(key);
    },
    end() {
      if (ended) return;
      ended = true;
      inFlight.n--;
    },
  };
}

/** Tests only: forget all attempts. */
export function resetLoginLimits(): void {
  g.__imagepodLoginLimiters = undefined;
}
