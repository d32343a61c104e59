/**
 * Bounds what unauthenticated requests make the panel write: within each window the first
 * `individual` failures are recorded one by one, the rest only counted, and when the window
 * closes one summary stands for them. So a flood of failed sign-ins writes at most
 * `individual + 1` audit Events per window, and the trail still says how many there were.
 * Pure (the caller brings the clock and the timer).
 */
export interface WindowSummary {
  /** Failures that were counted but not recorded one by one. */
  suppressed: number;
  since: string;
  until: string;
  /** The last suppressed failure's message, as an example. */
  latest: string;
}

export class FailureWindow {
  private start = -Infinity;
  private recorded = 0;
  private suppressed = 0;
  private latest = '';

  constructor(
    private readonly windowMs: number,
    private readonly individual: number,
  ) {}

  /**
   * One failure at `now`: `record` (write it) or `count` (the window's budget is spent). A
   * failure after the window has closed starts a new one; call `close` first to get the summary.
   */
  admit(now: number, message: string): 'record' | 'count' {
    if (now - this.start >= this.windowMs) {
      this.start = now;
      this.recorded = 0;
      this.suppressed = 0;
    }
    if (this.recorded < this.individual) {
      this.recorded++;
      return 'record';
    }
    this.suppressed++;
    this.latest = message;
    return 'count';
  }

  /** When the current window ends (for the caller's timer). */
  endsAt(): number {
    return this.start + this.windowMs;
  }

  /** The summary of the current window if it suppressed anything; the window is reset either way. */
  close(now: number): WindowSummary | null {
    const out =
      this.suppressed > 0
        ? {
            suppressed: this.suppressed,
            since: new Date(this.start).toISOString(),
            until: new Date(now).toISOString(),
            latest: this.latest,
          }
        : null;
    this.start = -Infinity;
    this.recorded = 0;
    this.suppressed = 0;
    this.latest = '';
    return out;
  }
}
