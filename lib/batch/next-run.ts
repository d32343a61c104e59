/**
 * When a CronJob runs next, computed from its schedule as the CronJob controller reads it
 * (standard five-field cron plus the @hourly/@daily… macros, in `spec.timeZone` or UTC; the
 * controller in kube-controller-manager uses the zone of its process, which is UTC in a cluster
 * like ours, when no zone is set). Pure; parsing by the `cron-parser` package.
 */
import { CronExpressionParser } from 'cron-parser';

/** `TZ=…` / `CRON_TZ=…` in front of a schedule (older clusters accepted it), split off. */
function splitZone(schedule: string): { expr: string; zone: string | null } {
  const m = /^(?:CRON_)?TZ=(\S+)\s+(.*)$/.exec(schedule.trim());
  return m ? { expr: m[2]!, zone: m[1]! } : { expr: schedule.trim(), zone: null };
}

/**
 * The next time (ISO) after `now` the schedule fires, or null when the schedule cannot be read
 * (the API server validates it, so that means a syntax the controller knows and the parser does not).
 */
export function nextRun(schedule: string, timeZone: string | null | undefined, now: number): string | null {
  const { expr, zone } = splitZone(schedule);
  try {
    const it = CronExpressionParser.parse(expr, { currentDate: new Date(now), tz: timeZone ?? zone ?? 'UTC' });
    return it.next().toISOString();
  } catch {
    return null;
  }
}
