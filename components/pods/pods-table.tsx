'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PodSort, PodSortKey } from '@/lib/pod-list';
import type { PodRow } from '@/lib/views';
import { useNow } from '../hooks/use-now';
import { PodTableRow } from './pod-table-row';
import { PodsTableHead } from './pods-table-head';

/** Fixed row height: the virtualizer positions rows without measuring them. */
const ROW_HEIGHT = 36;
const COLUMNS = 8;

/**
 * The pods table, virtualized: only the rows in view (plus overscan) are in the DOM, between two
 * spacer rows, so 10,000 pods scroll smoothly in a fixed-height container with a sticky header.
 */
export function PodsTable({
  rows,
  total,
  sort,
  onSort,
}: {
  rows: PodRow[];
  /** Pods before filtering, to tell "no pods" from "no match". */
  total: number;
  sort: PodSort;
  onSort: (key: PodSortKey) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const now = useNow();
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoizable, and nothing here memoizes them.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div
      ref={scrollRef}
      data-testid="pods-scroll"
      className="h-[calc(100vh-17rem)] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white"
    >
      <table
        data-testid="pods-table"
        aria-rowcount={rows.length + 1}
        className="w-full min-w-[640px] table-fixed lg:min-w-[1040px] border-collapse text-left text-[13px]"
      >
        <PodsTableHead sort={sort} onSort={onSort} />
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden style={{ height: padTop }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {items.map((vi) => (
            <PodTableRow key={vi.key} pod={rows[vi.index]!} index={vi.index} height={ROW_HEIGHT} now={now} />
          ))}
          {padBottom > 0 && (
            <tr aria-hidden style={{ height: padBottom }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={COLUMNS}
                data-testid="pods-no-match"
                className="px-3 py-10 text-center text-sm text-zinc-500"
              >
                {total === 0 ? 'There are no pods in the namespaces you may read.' : 'No pods match these filters.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
