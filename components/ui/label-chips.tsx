'use client';

import { useState, type ReactNode } from 'react';
import { cn } from './cn';

/** One `key=value` chip in monospace. */
export function Chip({ children, className, title }: { children: ReactNode; className?: string; title?: string }) {
  return (
    <span
      title={title}
      className={cn(
        'inline-block max-w-full truncate rounded border border-zinc-200 bg-zinc-50 px-1.5 py-px font-mono text-[11px] text-zinc-700',
        className,
      )}
    >
      {children}
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
}: {
  labels: Record<string, string>;
  max?: number;
  testId?: string;
  hidePrefixes?: string[];
}) {
  const [open, setOpen] = useState(false);
  const all = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  const preferred = all.filter(([k]) => !hidePrefixes.some((p) => k.startsWith(p)));
  const shown = open ? all : preferred.slice(0, max);
  const hidden = all.length - shown.length;
  if (all.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <div data-testid={testId} data-expanded={open} className="flex max-w-full flex-wrap items-center gap-1">
      {shown.map(([k, v]) => (
        <Chip key={k} title={`${k}=${v}`}>
          {v === '' ? k : `${k}=${v}`}
        </Chip>
      ))}
      {(hidden > 0 || open) && (
        <button
          type="button"
          onClick={() => setOpen((o) => !o)}
          className="rounded px-1 text-[11px] font-medium text-indigo-700 hover:bg-indigo-50"
          aria-expanded={open}
        >
          {open ? 'less' : `+${hidden}`}
        </button>
      )}
    </div>
  );
}
