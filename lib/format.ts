/**
 * Display formatting for durations and counts, shared by every table. Pure, so ages read the same
 * as `kubectl get` everywhere and are unit-tested. Absolute times: lib/time/format-time.ts.
 */

/**
 * kubectl's `HumanDuration` (apimachinery `duration.HumanDuration`): two units while the
 * short one still says something ("3m20s", "5h12m", "4d3h"), one unit otherwise.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.floor(hours / 24);
  if (days < 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (years < 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** The AGE column: time since an ISO timestamp, or "—" when it is missing or unparsable. */
export function formatAge(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return humanDuration(now - t);
}

/** "1 pod", "3 pods": English plurals for counts in headings. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** A time relative to `now`: "in 4m" ahead, "3m ago" behind (humanDuration), "—" when missing or unparsable. */
export function formatRelative(iso: string | null | undefined, now: number): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  return t > now ? `in ${humanDuration(t - now)}` : `${humanDuration(now - t)} ago`;
}
