'use client';

import { useState, type ReactNode } from 'react';
import { cn } from './cn';

const CHIP = 'rounded border border-zinc-200 bg-zinc-50 px-1.5 py-px font-mono text-[11px] text-zinc-700';

/** One `key=value` chip in monospace. */
export function Chip({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <span title={title} className={cn('inline-block max-w-full truncate', CHIP, className)}>
      {children}
    </span>
  );
}

/**
 * One label as `key=value`. When it does not fit, the key gives up its room first (a hundred
 * times faster than the value), so a chip never shows a key without the value it is about.
 */
export function LabelChip({ name, value }: { name: string; value: string }) {
  if (value === '') return <Chip title={name}>{name}</Chip>;
  return (
    <span title={`${name}=${value}`} className={cn('inline-flex max-w-full min-w-0 whitespace-nowrap', CHIP)}>
      <span className="min-w-[3ch] shrink-[100] truncate">{name}</span>
      <span className="shrink-0">=</span>
      <span className="min-w-0 truncate">{value}</span>
    </span>
  );
}

/**
 * Labels as chips, collapsed to the first `max` with a "+N" toggle; `hidePrefixes` drops noise
 * (e.g. kubernetes.io/hostname) from the collapsed view only, where it may leave just "+N".
 */
export function LabelChips({
  labels,
  max = 3,
  testId,
  hidePrefixes = [],
  oneLine = false,
}: {
  labels: Record<string, string>;
  max?: number;
  testId?: string;
  hidePrefixes?: string[];
  /** Collapsed, the chips share one line (names shrink first, values stay): a table row stays short. */
  oneLine?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const all = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  const preferred = all.filter(([k]) => !hidePrefixes.some((p) => k.startsWith(p)));
  const shown = open ? all : preferred.slice(0, max);
  const hidden = all.length - shown.length;
  if (all.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <div
      data-testid={testId}
      data-expanded={open}
      className={cn('flex max-w-full items-center gap-1', oneLine && !open ? 'flex-nowrap' : 'flex-wrap')}
    >
      {shown.map(([k, v]) => (
        <LabelChip key={k} name={k} value={v} />
      ))}
      {(hidden > 0 || open) && (
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          className="shrink-0 rounded px-1 text-[11px] font-medium text-indigo-700 hover:bg-indigo-50"
          aria-expanded={open}
        >
          {open ? 'less' : `+${hidden}`}
        </button>
      )}
    </div>
  );
}
