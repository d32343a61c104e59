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

/** The Audit page's time filters, shortest first. */
export const AUDIT_RANGES = [
  { value: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
] as const;
export type AuditRange = (typeof AUDIT_RANGES)[number]['value'];

/**
 * The time filters worth offering when records live `retentionMs` (the API server's
 * `--event-ttl`): a filter longer than that shows the same rows as "Any time", so it is left out.
 */
export function auditRanges(retentionMs: number): (typeof AUDIT_RANGES)[number][] {
  return AUDIT_RANGES.filter((r) => r.ms <= retentionMs);
}

/**
 * A duration as the API server's flags write it (`1h`, `90m`, `1h30m0s`, `3600s`), in ms; null for
 * anything else, so a bad setting falls back to the default instead of hiding every filter.
 */
export function parseGoDuration(s: string): number | null {
  const m = /^(?:(\d{1,6})h)?(?:(\d{1,6})m)?(?:(\d{1,9})s)?$/.exec(s.trim());
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  const ms = (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000;
  return ms > 0 ? ms : null;
}
