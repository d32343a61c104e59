import 'server-only';
import { FailureWindow } from '../../audit-window';
import { formatTime } from '../../time/format-time';
import { recordAudit } from './record';

/** Per minute, this many failed sign-ins are recorded one by one; the rest in one summary. */
const WINDOW_MS = 60_000;
const INDIVIDUAL = 5;

const g = globalThis as typeof globalThis & {
  __imagepodSignInFailures?: { window: FailureWindow; timer: NodeJS.Timeout | null };
};
const state = () => (g.__imagepodSignInFailures ??= { window: new FailureWindow(WINDOW_MS, INDIVIDUAL), timer: null });

async function writeSummary(now: number): Promise<void> {
  const s = state();
  const summary = s.window.close(now);
  if (!summary) return;
  await recordAudit({
    action: 'login-failed',
    user: 'unknown',
    target: null,
    result: 'failure',
    message: `${summary.suppressed} more failed sign-ins between ${formatTime(summary.since, 'UTC', { millis: true })} and ${formatTime(summary.until, 'UTC', { millis: true })} (not recorded one by one; latest: ${summary.latest})`,
    details: { suppressed: summary.suppressed, since: summary.since, until: summary.until },
  });
}

/** Closes the window on time even if no further failure comes; never keeps the process alive. */
function schedule(): void {
  const s = state();
  if (s.timer) return;
  s.timer = setTimeout(
    () => {
      s.timer = null;
      const now = Date.now();
      if (now >= s.window.endsAt()) void writeSummary(now);
      else schedule();
    },
    Math.max(0, s.window.endsAt() - Date.now()),
  );
  s.timer.unref();
}

/**
 * Records a failed sign-in by someone the panel does not know yet — the one audit write an
 * unauthenticated request can cause. At most 5 Events per minute per replica plus one summary
 * with the count of the others, so a flood cannot grow etcd or push real rows off the Audit page.
 */
export async function recordSignInFailure(message: string, now = Date.now()): Promise<void> {
  const s = state();
  if (now >= s.window.endsAt()) await writeSummary(now);
  if (s.window.admit(now, message) === 'count') return;
  schedule();
  await recordAudit({ action: 'login-failed', user: 'unknown', target: null, result: 'failure', message });
}

/** Tests only: closes the current window now (writing its summary) and forgets it. */
export async function flushSignInFailures(): Promise<void> {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = null;
  await writeSummary(Date.now());
}
