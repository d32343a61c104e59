'use client';

import { useMemo, useRef, useState } from 'react';
import type { LogStore } from '@/lib/logs/log-store';
import { downloadUrl, type LogSource } from '@/lib/logs/presets';
import { compileQuery, matches, nextHit } from '@/lib/logs/search';
import { useLogStream } from '@/lib/queries/logs/use-log-stream';
import { LogList, type LogListHandle } from './log-list';
import { LogStatus } from './log-status';
import { LogToolbar } from './log-toolbar';
import type { DisplayOptions } from './display-options';

/** The lines shown (filter) and those matching the search; counts are of lines, not markers. */
function visibleRows(store: LogStore, filterRe: RegExp | null, searchRe: RegExp | null) {
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
}

/** A selector stream's download: the lines in the buffer, as shown. */
function downloadBuffer(store: LogStore, rows: number[], source: LogSource, timestamps: boolean): void {
  const text = rows
    .map((i) => {
      const l = store.at(i)!;
      return `${timestamps ? `${l.e.ts} ` : ''}${l.e.pod} ${l.plain}`;
    })
    .join('\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
  a.download = `${source.namespace}_${source.selector.replace(/[^a-z0-9.-]+/gi, '_')}.log`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/**
 * The live part of the page: the stream, the toolbar (search, filter, follow / pause, jump to
 * bottom, clear, download), the stream's status and the virtualised lines.
 */
export function LogPane({
  source,
  capacity,
  display,
  setDisplay,
}: {
  source: LogSource;
  capacity: number;
  display: DisplayOptions;
  setDisplay: (v: Partial<DisplayOptions>) => void;
}) {
  const { store, version, state, targets, refresh } = useLogStream(source, capacity);
  const list = useRef<LogListHandle>(null);
  const [paused, setPaused] = useState(false);
  const [hit, setHit] = useState(-1);
  const filter = useMemo(() => compileQuery(display.filter, { regex: true }), [display.filter]);
  const search = useMemo(() => compileQuery(display.search), [display.search]);
  const filterRe = filter.ok ? filter.re : null;
  const searchRe = search.ok ? search.re : null;
  const { rows, hits, shownLines, totalLines } = useMemo(
    () => visibleRows(store, filterRe, searchRe),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is how the store says it changed.
    [store, version, filterRe, searchRe],
  );

  const go = (dir: 1 | -1) => {
    const next = nextHit(hits, hit, dir);
    if (next < 0) return;
    setHit(next);
    setDisplay({ follow: false });
    list.current?.scrollToIndex(next, 'center');
  };
  const togglePause = () => {
    // Resuming means following again: the lines kept while paused appear, the view goes to the newest.
    if (paused) {
      store.resume();
      setDisplay({ follow: true });
    } else store.pause();
    setPaused(!paused);
    refresh();
  };
  const onePod = source.pod ? targets.find((t) => t.pod === source.pod) : undefined;
  const download = () => {
    if (!onePod) return downloadBuffer(store, rows, source, display.timestamps);
    window.location.href = downloadUrl(source.namespace, onePod.pod, source.container || onePod.container, {
      previous: source.previous,
      timestamps: display.timestamps,
    });
  };

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2">
      <LogToolbar
        display={display}
        setDisplay={setDisplay}
        filterOk={filter.ok}
        hits={hits.length}
        current={hit >= 0 ? hits.indexOf(hit) + 1 : 0}
        onSearch={(text) => {
          setDisplay({ search: text });
          setHit(-1);
        }}
        onGo={go}
        paused={paused}
        pausedCount={store.pausedCount}
        onTogglePause={togglePause}
        onBottom={() => {
          setDisplay({ follow: true });
          if (rows.length) list.current?.scrollToIndex(rows.length - 1, 'end');
        }}
        onClear={() => {
          store.clear();
          setHit(-1);
          refresh();
        }}
        onDownload={download}
        downloadTitle={onePod ? 'The whole log of this container, from the cluster' : 'The lines in the buffer'}
      />
      {!filter.ok && (
        <p data-testid="logs-filter-error" role="alert" className="text-sm text-red-700">
          {filter.error}
        </p>
      )}
      <LogStatus
        state={state}
        targets={targets}
        shown={shownLines}
        total={totalLines}
        dropped={store.dropped}
        capacity={capacity}
        paused={paused ? store.pausedCount : null}
      />
      <LogList
        ref={list}
        store={store}
        rows={rows}
        display={display}
        setDisplay={setDisplay}
        search={searchRe}
        hit={hit}
        showPod={!source.pod}
        emptyText={
          store.length > 0
            ? 'No line matches the filter.'
            : state.state === 'error'
              ? 'Nothing to show.'
              : 'Waiting for log lines…'
        }
      />
    </div>
  );
}
