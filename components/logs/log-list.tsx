'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { LogStore } from '@/lib/logs/log-store';
import { LogRow } from './log-row';
import type { DisplayOptions } from './display-options';

const ROW = 18;

/** What the pane may ask of the list: bring a row into view. */
export interface LogListHandle {
  scrollToIndex(index: number, align: 'center' | 'end'): void;
}

/**
 * The virtualised lines (only the rows in view are in the DOM), following the newest while
 * `display.follow`; scrolling up stops following.
 */
export function LogList({
  ref,
  store,
  rows,
  display,
  setDisplay,
  search,
  hit,
  showPod,
  emptyText,
}: {
  ref: Ref<LogListHandle>;
  store: LogStore;
  /** Positions (in the ring) of the lines shown. */
  rows: number[];
  display: DisplayOptions;
  setDisplay: (v: Partial<DisplayOptions>) => void;
  search: RegExp | null;
  hit: number;
  showPod: boolean;
  emptyText: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoizable, and nothing here memoizes them.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 20,
    getItemKey: (i) => store.at(rows[i]!)?.seq ?? i,
  });
  useImperativeHandle(ref, () => ({ scrollToIndex: (index, align) => virtualizer.scrollToIndex(index, { align }) }), [
    virtualizer,
  ]);

  useEffect(() => {
    if (display.follow && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [display.follow, rows, virtualizer]);

  return (
    <div
      ref={scrollRef}
      data-testid="logs-scroll"
      onWheel={(e) => {
        if (e.deltaY < 0 && display.follow) setDisplay({ follow: false });
      }}
      className="min-h-80 flex-1 overflow-auto rounded-lg bg-zinc-950 py-1 font-mono text-[12.5px] text-zinc-100"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((vi) => {
          const line = store.at(rows[vi.index]!);
          if (!line) return null;
          return (
            <div
              key={vi.key}
              data-index={vi.index}
              ref={display.wrap ? virtualizer.measureElement : undefined}
              style={{
                position: 'absolute',
                top: 0,
                left: 0,
                minWidth: '100%',
                transform: `translateY(${vi.start}px)`,
                height: display.wrap ? undefined : ROW,
              }}
            >
              <LogRow
                line={line}
                search={search}
                current={vi.index === hit}
                showPod={showPod}
                timestamps={display.timestamps}
                wrap={display.wrap}
              />
            </div>
          );
        })}
      </div>
      {rows.length === 0 && (
        <p data-testid="logs-empty" className="px-3 py-6 text-center font-sans text-sm text-zinc-400">
          {emptyText}
        </p>
      )}
    </div>
  );
}
