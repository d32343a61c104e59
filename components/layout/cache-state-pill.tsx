'use client';

import { useCacheState } from '@/lib/queries/stream/use-cache-state';
import type { CacheStateKind } from '@/lib/queries/stream/connection-state';
import { cn } from '../ui/cn';
import { useFormatTime } from '../time/time-zone';

const DOT: Record<CacheStateKind, string> = {
  connecting: 'bg-zinc-400 animate-pulse',
  starting: 'bg-amber-500 animate-pulse',
  synced: 'bg-emerald-500',
  reconnecting: 'bg-amber-500 animate-pulse',
  failed: 'bg-red-500',
};

/**
 * The cache connection state in the top bar: "Synced", "Reconnecting — showing last known state
 * from 2026-12-01 10:04:05 UTC", or "Failed: <error>". `data-state` carries the kind for tests.
 */
export function CacheStatePill() {
  const s = useCacheState();
  const format = useFormatTime();
  const since = s.staleSince === null ? 'an unknown time' : format(s.staleSince);
  let text: string = s.label;
  if (s.kind === 'reconnecting') text = `Reconnecting — showing last known state from ${since}`;
  if (s.kind === 'failed') text = s.detail.replace('The watch cache failed', 'Failed');
  return (
    <div
      data-testid="cache-state"
      data-state={s.kind}
      title={s.detail}
      role="status"
      className={cn(
        'flex max-w-[60ch] min-w-0 items-center gap-2 rounded-full border px-3 py-1 text-xs font-medium',
        s.kind === 'failed'
          ? 'border-red-200 bg-red-50 text-red-800'
          : s.kind === 'reconnecting' || s.kind === 'starting'
            ? 'border-amber-200 bg-amber-50 text-amber-900'
            : 'border-zinc-200 bg-white text-zinc-700',
      )}
    >
      <span aria-hidden className={cn('size-2 shrink-0 rounded-full', DOT[s.kind])} />
      <span className="truncate">{text}</span>
    </div>
  );
}
