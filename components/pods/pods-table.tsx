'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { formatAge } from '@/lib/format';
import { logsHref } from '@/lib/logs/presets';
import { sumGpus } from '@/lib/gpu';
import type { PodSort, PodSortKey } from '@/lib/pod-list';
import type { PodRow } from '@/lib/views';
import { useNow } from '../hooks/use-now';
import { cn } from '../ui/cn';
import { SortableTH, TH } from '../ui/table';
import { PodStatusBadge } from './pod-status-badge';
import { podTestId } from './pod-test-id';

/** Fixed row height: the virtualizer positions rows without measuring them. */
const ROW_HEIGHT = 36;
const COLUMNS = 8;

function gpuTitle(gpu: PodRow['gpu']): string {
  const parts = Object.entries(gpu).map(([k, v]) => `${k}: ${v}`);
  return parts.length ? parts.join(', ') : 'No GPU request';
}

/**
 * The pods table, virtualized: only the rows in view (plus overscan) are in the DOM, between two
 * spacer rows, so 10,000 pods scroll smoothly in a fixed-height container with a sticky header.
 */
export function PodsTable({ rows, total, sort, onSort }: {
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

  const sortable = (key: PodSortKey, label: string, className?: string) => (
    <SortableTH label={label} active={sort.key === key} dir={sort.dir} onSort={() => onSort(key)} className={className} />
  );

  return (
    <div
      ref={scrollRef}
      data-testid="pods-scroll"
      className="h-[calc(100vh-17rem)] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white"
    >
      <table data-testid="pods-table" aria-rowcount={rows.length + 1} className="w-full min-w-[1040px] table-fixed border-collapse text-left text-[13px]">
        <colgroup>
          <col />
          <col className="w-44" />
          <col className="w-48" />
          <col className="w-16" />
          <col className="w-20" />
          <col className="w-44" />
          <col className="w-16" />
          <col className="w-20" />
        </colgroup>
        <thead className="sticky top-0 z-10 bg-zinc-50 text-xs text-zinc-500 shadow-[0_1px_0_var(--color-zinc-200)]">
          <tr>
            {sortable('name', 'Name')}
            {sortable('namespace', 'Namespace')}
            {sortable('status', 'Status')}
            <TH>Ready</TH>
            {sortable('restarts', 'Restarts', 'text-right')}
            {sortable('node', 'Node')}
            {sortable('gpu', 'GPU', 'text-right')}
            {sortable('age', 'Age', 'text-right')}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr aria-hidden style={{ height: padTop }}><td colSpan={COLUMNS} /></tr>}
          {items.map((vi) => {
            const p = rows[vi.index]!;
            const gpus = sumGpus(p.gpu);
            return (
              <tr
                key={vi.key}
                data-testid={podTestId('row', p)}
                aria-rowindex={vi.index + 2}
                style={{ height: ROW_HEIGHT }}
                className="border-b border-zinc-100 hover:bg-zinc-50/80"
              >
                <td className="px-3 font-mono text-[12.5px] text-zinc-900" title={p.name}>
                  <span className="flex items-center gap-2">
                    <span className="truncate">{p.name}</span>
                    <Link href={logsHref({ namespace: p.namespace, pod: p.name })} data-testid={podTestId('logs', p)} className="shrink-0 font-sans text-xs text-indigo-700 hover:underline">logs</Link>
                  </span>
                </td>
                <td className="truncate px-3 font-mono text-[12.5px] text-zinc-600" title={p.namespace}>{p.namespace}</td>
                <td className="px-3"><PodStatusBadge pod={p} testId={podTestId('status', p)} /></td>
                <td data-testid={podTestId('ready', p)} className="px-3 tabular-nums text-zinc-700">{p.readyContainers}/{p.totalContainers}</td>
                <td data-testid={podTestId('restarts', p)} className={cn('px-3 text-right tabular-nums', p.restarts > 0 ? 'text-amber-700' : 'text-zinc-500')}>{p.restarts}</td>
                <td data-testid={podTestId('node', p)} className="truncate px-3 font-mono text-[12.5px]" title={p.nodeName ?? p.schedulingMessage ?? 'Not scheduled'}>
                  {p.nodeName
                    ? <Link href={`/nodes/${encodeURIComponent(p.nodeName)}`} className="text-indigo-700 hover:underline">{p.nodeName}</Link>
                    : <span className="text-zinc-400">—</span>}
                </td>
                <td data-testid={podTestId('gpu', p)} title={gpuTitle(p.gpu)} className={cn('px-3 text-right tabular-nums', gpus > 0 ? 'font-medium text-zinc-900' : 'text-zinc-400')}>
                  {gpus > 0 ? gpus : '—'}
                </td>
                <td data-testid={podTestId('age', p)} title={p.createdAt ?? undefined} className="px-3 text-right tabular-nums text-zinc-600">{formatAge(p.createdAt, now)}</td>
              </tr>
            );
          })}
          {padBottom > 0 && <tr aria-hidden style={{ height: padBottom }}><td colSpan={COLUMNS} /></tr>}
          {rows.length === 0 && (
            <tr>
              <td colSpan={COLUMNS} data-testid="pods-no-match" className="px-3 py-10 text-center text-sm text-zinc-500">
                {total === 0 ? 'The cluster has no pods.' : 'No pods match these filters.'}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
