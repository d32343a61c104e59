import { CacheStatePill } from './cache-state-pill';
import { ClusterName } from './cluster-name';
import { StreamModeNote } from './stream-mode-note';
import { TimeZoneToggle } from '../time/time-zone-toggle';

/** The bar above every page: which cluster on the left; the live cache state and the time zone on the right. */
export function TopBar() {
  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-zinc-200 bg-white px-5">
      <ClusterName />
      <div className="flex items-center gap-3">
        <StreamModeNote />
        <CacheStatePill />
        <TimeZoneToggle />
      </div>
    </header>
  );
}
