import type { HTMLAttributes } from 'react';
import type { Tone } from '@/lib/status-tone';
import { cn } from './cn';

const TONES: Record<Tone, { box: string; dot: string }> = {
  ok: { box: 'bg-emerald-50 text-emerald-800 ring-emerald-600/20', dot: 'bg-emerald-500' },
  warn: { box: 'bg-amber-50 text-amber-800 ring-amber-600/25', dot: 'bg-amber-500' },
  bad: { box: 'bg-red-50 text-red-800 ring-red-600/20', dot: 'bg-red-500' },
  neutral: { box: 'bg-zinc-100 text-zinc-700 ring-zinc-500/20', dot: 'bg-zinc-400' },
  info: { box: 'bg-indigo-50 text-indigo-800 ring-indigo-600/20', dot: 'bg-indigo-500' },
};

/** A status pill; `data-tone` lets tests assert the colour meaning without reading classes. */
export function Badge({
  tone = 'neutral',
  dot = true,
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLSpanElement> & { tone?: Tone; dot?: boolean }) {
  const t = TONES[tone];
  return (
    <span
      data-tone={tone}
      className={cn(
        'inline-flex max-w-full items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        t.box,
        className,
      )}
      {...rest}
    >
      {dot && <span aria-hidden className={cn('size-1.5 shrink-0 rounded-full', t.dot)} />}
      <span className="truncate">{children}</span>
    </span>
  );
}
