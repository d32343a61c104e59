'use client';

import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import type { DisplayOptions } from './display-options';

/** What the toolbar shows and does; the pane owns the state. */
export interface LogToolbarProps {
  display: DisplayOptions;
  setDisplay: (v: Partial<DisplayOptions>) => void;
  filterOk: boolean;
  /** Matches of the search, and the position of the current one (0 when none). */
  hits: number;
  current: number;
  onSearch: (text: string) => void;
  onGo: (dir: 1 | -1) => void;
  paused: boolean;
  pausedCount: number;
  onTogglePause: () => void;
  onBottom: () => void;
  onClear: () => void;
  onDownload: () => void;
  downloadTitle: string;
}

const check = 'flex items-center gap-1 text-sm text-zinc-700';

/** Search with next/previous, filter, display toggles, pause, jump to bottom, clear, download. */
export function LogToolbar(p: LogToolbarProps) {
  const { display, setDisplay } = p;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex items-center">
        <input
          data-testid="logs-search"
          value={display.search}
          placeholder="Search"
          onChange={(e) => p.onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') p.onGo(e.shiftKey ? -1 : 1);
          }}
          className="h-8 w-40 rounded-l-md border border-zinc-300 px-2.5 text-sm focus:border-indigo-500 focus:outline-none"
        />
        <Button
          size="md"
          className="rounded-none border-l-0"
          onClick={() => p.onGo(-1)}
          disabled={p.hits === 0}
          data-testid="logs-search-prev"
          aria-label="Previous match"
        >
          ↑
        </Button>
        <Button
          size="md"
          className="rounded-l-none border-l-0"
          onClick={() => p.onGo(1)}
          disabled={p.hits === 0}
          data-testid="logs-search-next"
          aria-label="Next match"
        >
          ↓
        </Button>
        <span data-testid="logs-search-count" className="ml-2 text-xs tabular-nums text-zinc-500">
          {display.search ? `${p.current} / ${p.hits}` : ''}
        </span>
      </div>
      <input
        data-testid="logs-filter"
        value={display.filter}
        placeholder="Filter (regex)"
        aria-invalid={!p.filterOk || undefined}
        onChange={(e) => setDisplay({ filter: e.target.value })}
        className={cn(
          'h-8 w-44 rounded-md border px-2.5 font-mono text-sm focus:outline-none',
          p.filterOk ? 'border-zinc-300 focus:border-indigo-500' : 'border-red-400',
        )}
      />
      <label className={check}>
        <input
          type="checkbox"
          data-testid="logs-timestamps"
          checked={display.timestamps}
          onChange={(e) => setDisplay({ timestamps: e.target.checked })}
        />
        Timestamps
      </label>
      <label className={check}>
        <input
          type="checkbox"
          data-testid="logs-wrap"
          checked={display.wrap}
          onChange={(e) => setDisplay({ wrap: e.target.checked })}
        />
        Wrap
      </label>
      <label className={check}>
        <input
          type="checkbox"
          data-testid="logs-follow"
          checked={display.follow}
          onChange={(e) => setDisplay({ follow: e.target.checked })}
        />
        Follow
      </label>
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <Button data-testid="logs-pause" onClick={p.onTogglePause} variant={p.paused ? 'primary' : 'secondary'}>
          {p.paused ? `Resume (${p.pausedCount.toLocaleString()} new)` : 'Pause'}
        </Button>
        <Button data-testid="logs-bottom" onClick={p.onBottom}>
          Jump to bottom
        </Button>
        <Button data-testid="logs-clear" onClick={p.onClear}>
          Clear
        </Button>
        <Button data-testid="logs-download" onClick={p.onDownload} title={p.downloadTitle}>
          Download
        </Button>
      </div>
    </div>
  );
}
