'use client';

import { formatAge } from '@/lib/format';
import { toMillis, type FormatTimeOptions } from '@/lib/time/format-time';
import { useFormatTime } from './time-zone';

/**
 * An age as lists show it ("5h12m", kubectl's way), with the absolute time in the operator's
 * zone on hover; "—" when the time is unknown. `suffix` (" ago") is added only to a real age.
 */
export function Age({ at, now, suffix = '' }: { at: string | null | undefined; now: number; suffix?: string }) {
  const format = useFormatTime();
  const age = formatAge(at, now);
  if (age === '—' || !at) return <>—</>;
  return (
    <time dateTime={at} title={format(at)}>
      {age}
      {suffix}
    </time>
  );
}

/** An absolute time in the operator's zone (`2026-12-01 18:24:45 UTC`). */
export function AbsoluteTime({
  at,
  testId,
  ...opts
}: { at: string | number | null | undefined; testId?: string } & FormatTimeOptions) {
  const format = useFormatTime();
  const ms = toMillis(at);
  const iso = ms === null ? undefined : new Date(ms).toISOString();
  return (
    <time dateTime={iso} data-testid={testId}>
      {format(at, opts)}
    </time>
  );
}
