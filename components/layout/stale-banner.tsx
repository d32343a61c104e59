'use client';

import { useCacheState } from '@/lib/queries/stream/use-cache-state';
import { useFormatTime } from '../time/time-zone';

/**
 * A visible warning over the page while the data shown may be out of date (stream down, cache
 * reconnecting or failed). The data stays on screen: last known state beats an empty table.
 */
export function StaleBanner() {
  const s = useCacheState();
  const format = useFormatTime();
  const since = s.staleSince === null ? 'an unknown time' : format(s.staleSince);
  if (!s.stale) return null;
  return (
    <div
      data-testid="stale-banner"
      data-state={s.kind}
      role="alert"
      className={
        s.kind === 'failed'
          ? 'border-b border-red-200 bg-red-50 px-5 py-2 text-sm text-red-900'
          : 'border-b border-amber-200 bg-amber-50 px-5 py-2 text-sm text-amber-900'
      }
    >
      <span className="font-semibold">Stale data.</span>{' '}
      {s.kind === 'failed' ? `${s.detail}. Showing last known state from ${since}.` : `${s.detail} from ${since}.`} The
      page updates by itself when the connection is back.
    </div>
  );
}
