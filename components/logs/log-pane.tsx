'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { downloadUrl, type LogSource } from '@/lib/logs/presets';
import { compileQuery, matches, nextHit } from '@/lib/logs/search';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { LogRow } from './log-row';
import { LogStatus } from './log-status';
import { useLogStream } from './use-log-stream';
import type { ViewOptions } from './display-options';

const ROW = 18;

/**
 * The live part of the page: the stream, the virtualised lines (only the rows in view are in the
 * DOM), search with next/previous, filter, follow / pause, jump to bottom, clear, download.
 */
export function LogPane({ source, capacity, view, setView }: {
  source: LogSource;
  capacity: number;
  view: ViewOptions;
  setView: (v: Partial<ViewOptions>) => void;
}) {
  const { store, version, state, targets, refresh } = useLogStream(source, capacity);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [paused, setPaused] = useState(false);
  const [hit, setHit] = useState(-1);

  const filter = useMemo(() => compileQuery(view.filter, { regex: true }), [view.filter]);
  const search = useMemo(() => compileQuery(view.search), [view.search]);
  const filterRe = filter.ok ? filter.re : null;
  const searchRe = search.ok ? search.re : null;

  // Positions (in the ring) of the lines shown, and of those matching the search.
  // Counts are of log lines; markers (a pod joined, lines dropped) are shown but not counted.
  const { rows, hits, shownLines, totalLines } = useMemo(() => {
    void version;
    const rows: number[] = [];
    const hits: number[] = [];
    let shownLines = 0;
    let totalLines = 0;
    for (let i = 0; i < store.length; i++) {
      const l = store.at(i)!;
      if (l.e.k === 'l') totalLines++;
      if (filterRe && (l.e.k === 'm' || !matches(l.plain, filterRe))) continue;
      if (searchRe && l.e.k === 'l' && matches(l.plain, searchRe)) hits.push(rows.length);
      if (l.e.k === 'l') shownLines++;
      rows.push(i);
    }
    return { rows, hits, shownLines, totalLines };
  }, [store, version, filterRe, searchRe]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoizable, and nothing here memoizes them.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 20,
    getItemKey: (i) => store.at(rows[i]!)?.seq ?? i,
  });

  useEffect(() => {
    if (view.follow && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [view.follow, rows, virtualizer]);

  const go = (dir: 1 | -1) => {
    const next = nextHit(hits, hit, dir);
    if (next < 0) return;
    setHit(next);
    setView({ follow: false });
    virtualizer.scrollToIndex(next, { align: 'center' });
  };
  const togglePause = () => {
    // Resuming means following again: the lines kept while paused appear, the view goes to the newest.
    if (paused) { store.resume(); setView({ follow: true }); }
    else store.pause();
    setPaused(!paused);
    refresh();
  };
  const onePod = source.pod ? targets.find((t) => t.pod === source.pod) : undefined;
  const download = () => {
    if (onePod) {
      window.location.href = downloadUrl(source.namespace, onePod.pod, source.container || onePod.container, { previous: source.previous, timestamps: view.timestamps });
      return;
    }
    // A selector stream: the lines in the buffer, as shown.
    const text = rows.map((i) => { const l = store.at(i)!; return `${view.timestamps ? `${l.e.ts} ` : ''}${l.e.pod} ${l.plain}`; }).join('\n');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    a.download = `${source.namespace}_${source.selector.replace(/[^a-z0-9.-]+/gi, '_')}.log`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  const items = virtualizer.getVirtualItems();
  const showPod = !source.pod;

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center">
          <input
            data-testid="logs-search" value={view.search} placeholder="Search"
            onChange={(e) => { setView({ search: e.target.value }); setHit(-1); }}
            onKeyDown={(e) => { if (e.key === 'Enter') go(e.shiftKey ? -1 : 1); }}
            className="h-8 w-40 rounded-l-md border border-zinc-300 px-2.5 text-sm focus:border-indigo-500 focus:outline-none"
          />
          <Button size="md" className="rounded-none border-l-0" onClick={() => go(-1)} disabled={hits.length === 0} data-testid="logs-search-prev" aria-label="Previous match">↑</Button>
          <Button size="md" className="rounded-l-none border-l-0" onClick={() => go(1)} disabled={hits.length === 0} data-testid="logs-search-next" aria-label="Next match">↓</Button>
          <span data-testid="logs-search-count" className="ml-2 text-xs tabular-nums text-zinc-500">
            {view.search ? `${hit >= 0 ? hits.indexOf(hit) + 1 : 0} / ${hits.length}` : ''}
          </span>
        </div>
        <input
          data-testid="logs-filter" value={view.filter} placeholder="Filter (regex)" aria-invalid={!filter.ok || undefined}
          onChange={(e) => setView({ filter: e.target.value })}
          className={cn('h-8 w-44 rounded-md border px-2.5 font-mono text-sm focus:outline-none', filter.ok ? 'border-zinc-300 focus:border-indigo-500' : 'border-red-400')}
        />
        <label className="flex items-center gap-1 text-sm text-zinc-700"><input type="checkbox" data-testid="logs-timestamps" checked={view.timestamps} onChange={(e) => setView({ timestamps: e.target.checked })} />Timestamps</label>
        <label className="flex items-center gap-1 text-sm text-zinc-700"><input type="checkbox" data-testid="logs-wrap" checked={view.wrap} onChange={(e) => setView({ wrap: e.target.checked })} />Wrap</label>
        <label className="flex items-center gap-1 text-sm text-zinc-700"><input type="checkbox" data-testid="logs-follow" checked={view.follow} onChange={(e) => setView({ follow: e.target.checked })} />Follow</label>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <Button data-testid="logs-pause" onClick={togglePause} variant={paused ? 'primary' : 'secondary'}>
            {paused ? `Resume (${store.pausedCount.toLocaleString()} new)` : 'Pause'}
          </Button>
          <Button data-testid="logs-bottom" onClick={() => { setView({ follow: true }); if (rows.length) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' }); }}>Jump to bottom</Button>
          <Button data-testid="logs-clear" onClick={() => { store.clear(); setHit(-1); refresh(); }}>Clear</Button>
          <Button data-testid="logs-download" onClick={download} title={onePod ? 'The whole log of this container, from the cluster' : 'The lines in the buffer'}>Download</Button>
        </div>
      </div>
      {!filter.ok && <p data-testid="logs-filter-error" role="alert" className="text-sm text-red-700">{filter.error}</p>}
      <LogStatus state={state} targets={targets} shown={shownLines} total={totalLines} dropped={store.dropped} capacity={capacity} paused={paused ? store.pausedCount : null} />
      <div
        ref={scrollRef}
        data-testid="logs-scroll"
        onWheel={(e) => { if (e.deltaY < 0 && view.follow) setView({ follow: false }); }}
        className="min-h-80 flex-1 overflow-auto rounded-lg bg-zinc-950 py-1 font-mono text-[12.5px] text-zinc-100"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((vi) => {
            const line = store.at(rows[vi.index]!);
            if (!line) return null;
            return (
              <div key={vi.key} data-index={vi.index} ref={view.wrap ? virtualizer.measureElement : undefined}
                style={{ position: 'absolute', top: 0, left: 0, minWidth: '100%', transform: `translateY(${vi.start}px)`, height: view.wrap ? undefined : ROW }}>
                <LogRow line={line} search={searchRe} current={vi.index === hit} showPod={showPod} timestamps={view.timestamps} wrap={view.wrap} />
              </div>
            );
          })}
        </div>
        {rows.length === 0 && (
          <p data-testid="logs-empty" className="px-3 py-6 text-center font-sans text-sm text-zinc-400">
            {store.length > 0 ? 'No line matches the filter.' : state.state === 'error' ? 'Nothing to show.' : 'Waiting for log lines…'}
          </p>
        )}
      </div>
    </div>
  );
}
