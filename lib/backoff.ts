/**
 * The one backoff of the panel: exponential from `baseMs`, capped at `capMs`, optionally with
 * "full jitter" (AWS architecture blog) so that many clients reconnecting after a restart spread
 * out instead of arriving together. Pure; every reconnect and retry in the tree uses it — the
 * live stream, log and deploy subscriptions, react-query retries and the server's reflector.
 */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Full jitter: the delay is random in [base/2, ceiling]. Omit for a deterministic delay. */
  random?: () => number;
}

/** Delay before retry number `attempt` (0 = the first retry): min(cap, base · 2^attempt), jittered if asked. */
export function backoffDelay(attempt: number, p: BackoffPolicy): number {
  const ceiling = Math.min(p.capMs, p.baseMs * 2 ** Math.min(Math.max(0, attempt), 30));
  if (!p.random) return ceiling;
  return Math.round(p.baseMs / 2 + p.random() * Math.max(0, ceiling - p.baseMs / 2));
}

/** Browser reconnects (streams and subscriptions): 1 s doubling to 30 s, with jitter when asked. */
export const RECONNECT_POLICY: BackoffPolicy = { baseMs: 1000, capMs: 30_000 };

/** A counter around `backoffDelay` for loops that retry until they succeed (the server's reflector). */
export class Backoff {
  private attempt = 0;
  private readonly policy: BackoffPolicy;
  constructor(baseMs = 500, capMs = 30_000, random: () => number = Math.random) {
    this.policy = { baseMs, capMs, random };
  }

  /** The next delay: random in [base/2, min(cap, base · 2^attempt)]. */
  next(): number {
    const d = backoffDelay(this.attempt, this.policy);
    this.attempt = Math.min(this.attempt + 1, 30);
    return d;
  }

  reset(): void {
    this.attempt = 0;
  }
}
