import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from '../errors/http-error';
import { authSettings } from './settings';

const g = globalThis as typeof globalThis & {
  __imagepodLoginLimiters?: { perClient: RateLimiterMemory; global: RateLimiterMemory };
};

/**
 * Login attempts: 10 per minute per client address (IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE), ten times
 * that for the whole process (so a spread-out guessing run is slowed too). Every attempt counts,
 * successful or not.
 */
function limiters() {
  const perMinute = Math.max(1, Number(process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE) || 10);
  return (g.__imagepodLoginLimiters ??= {
    perClient: new RateLimiterMemory({ keyPrefix: 'login-client', points: perMinute, duration: 60 }),
    global: new RateLimiterMemory({ keyPrefix: 'login-all', points: perMinute * 10, duration: 60 }),
  });
}

/** The client address for rate limiting: the proxy's X-Forwarded-For only when configured to trust it. */
export function clientAddress(headers: Headers): string {
  if (authSettings().trustProxy) {
    const fwd = headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip')?.trim();
    if (fwd) return fwd;
  }
  // Next does not expose the socket address to route handlers; behind port-forward every client
  // is the same loopback address anyway, so the per-client bucket degrades to one shared bucket.
  return 'direct';
}

export async function consumeLoginAttempt(headers: Headers): Promise<void> {
  const { perClient, global } = limiters();
  try {
    await perClient.consume(clientAddress(headers));
    await global.consume('all');
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const wait = Math.ceil(e.msBeforeNext / 1000);
      throw new HttpError(429, 'TOO_MANY_REQUESTS', `Too many login attempts; try again in ${wait} s`, undefined, {
        'Retry-After': String(wait),
      });
    }
    throw e;
  }
}

/** Tests only: forget all attempts. */
export function resetLoginLimits(): void {
  g.__imagepodLoginLimiters = undefined;
}
