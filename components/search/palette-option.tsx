'use client';

import { useEffect, useRef } from 'react';
import type { SearchHit, SearchKind } from '@/lib/search/types';
import { cn } from '../ui/cn';

const KIND_LABEL: Record<SearchKind, string> = {
  node: 'Node',
  pod: 'Pod',
  workload: 'Workload',
  page: 'Page',
  action: 'Action',
};

/** One row of the palette's listbox; the active one is scrolled into view. */
export function PaletteOption({
  id,
  hit,
  active,
  onPoint,
  onChoose,
}: {
  id: string;
  hit: SearchHit;
  active: boolean;
  onPoint: () => void;
  onChoose: () => void;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);
  return (
    <li
      ref={ref}
      id={id}
      role="option"
      aria-selected={active}
      data-testid="palette-option"
      data-kind={hit.kind}
      onMouseMove={onPoint}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onChoose}
      className={cn(
        'flex cursor-pointer items-center gap-3 rounded-md px-2.5 py-1.5 text-sm',
        active ? 'bg-indigo-50 text-indigo-900' : 'text-zinc-800',
      )}
    >
      <span className="w-16 shrink-0 text-[11px] font-medium tracking-wide text-zinc-500 uppercase">
        {KIND_LABEL[hit.kind]}
      </span>
      <span className="min-w-0 flex-1 truncate font-medium" title={hit.label}>
        {hit.label}
      </span>
      <span className="max-w-[45%] shrink-0 truncate text-xs text-zinc-500" title={hit.detail}>
        {hit.detail}
      </span>
    </li>
  );
}
