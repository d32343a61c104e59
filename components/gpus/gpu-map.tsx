'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MapRow } from '@/lib/gpu-page/map-filter';
import type { CellSelection } from './gpu-cell';
import { GpuMapRow, ROW_HEIGHT } from './gpu-map-row';

/**
 * The GPU map: every node a row of its GPUs, virtualised so only the rows in view (plus overscan)
 * are in the DOM — 1,000 nodes × 8 GPUs cost what twenty rows cost. Presentational: rows, the
 * idle set and the selection come in as props.
 */
export function GpuMap({
  rows,
  total,
  idlePods,
  selection,
  onSelect,
  height = 'max-h-[min(60vh,36rem)]',
}: {
  rows: readonly MapRow[];
  /** GPU nodes before filtering, to tell "no GPU nodes" from "no match". */
  total: number;
  idlePods: ReadonlySet<string>;
  selection: CellSelection | null;
  onSelect: (s: CellSelection) => void;
  /** Tailwind (max-)height class of the scroll box: it grows with its rows up to this. */
  height?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are not memoizable, and nothing here memoizes them.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.node.node ?? i,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      data-testid="gpu-map"
      data-rows={rows.length}
      className={`${height} overflow-auto rounded-lg border border-zinc-200 bg-white`}
    >
      {rows.length === 0 ? (
        <p data-testid="gpu-map-empty" className="px-3 py-10 text-center text-sm text-zinc-500">
          {total === 0 ? 'No node in this cluster offers GPUs.' : 'No node matches these filters.'}
        </p>
      ) : (
        <div className="relative min-w-max" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((vi) => {
            const r = rows[vi.index]!;
            return (
              <div
                key={vi.key}
                className="absolute inset-x-0 border-b border-zinc-100"
                style={{ top: vi.start, height: ROW_HEIGHT }}
              >
                <GpuMapRow node={r.node} gpus={r.gpus} idlePods={idlePods} selection={selection} onSelect={onSelect} />
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}
