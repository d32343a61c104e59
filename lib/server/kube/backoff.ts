/**
 * Exponential backoff with full jitter (AWS architecture blog's "full jitter"): many panel
 * replicas reconnecting after an API server restart spread out instead of arriving together.
 */
export class Backoff {
  private attempt = 0;
  constructor(
    private readonly baseMs = 500,
    private readonly capMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The next delay: random in [base/2, min(cap, base * 2^attempt)]. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.round(this.baseMs / 2 + this.random() * Math.max(0, ceiling - this.baseMs / 2));
  }

  reset(): void {
    this.attempt = 0;
  }
}
