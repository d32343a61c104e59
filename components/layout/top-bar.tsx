import { CommandPalette } from '../search/command-palette';
import { CacheStatePill } from './cache-state-pill';
import { ClusterName } from './cluster-name';
import { StreamModeNote } from './stream-mode-note';
import { TimeZoneToggle } from '../time/time-zone-toggle';
import { ThemeToggle } from './theme-toggle';

/** The bar above every page: which cluster on the left; search, the live cache state, the time zone and the theme on the right. */
export function TopBar() {
  return (
    <header className="flex h-12 shrink-0 items-center justify-between gap-4 border-b border-zinc-200 bg-white px-5">
      <ClusterName />
      <div className="flex items-center gap-3">
        <CommandPalette />
        <StreamModeNote />
        <CacheStatePill />
        <TimeZoneToggle />
        <ThemeToggle />
      </div>
    </header>
  );
}
