import type { ReactNode } from 'react';
import { cn } from './cn';

/** A headline number with its label; `testId` goes on the number so tests read exactly it. */
export function Stat({
  label,
  value,
  hint,
  testId,
  tone,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
  tone?: 'bad' | 'warn';
}) {
  return (
    <div className="min-w-0">
      <div className="text-xs font-medium text-zinc-500">{label}</div>
      <div
        data-testid={testId}
        className={cn(
          'mt-0.5 text-2xl font-semibold tabular-nums',
          tone === 'bad' ? 'text-red-700' : tone === 'warn' ? 'text-amber-700' : 'text-zinc-900',
        )}
      >
        {value}
      </div>
      {hint && <div className="mt-0.5 truncate text-xs text-zinc-500">{hint}</div>}
    </div>
  );
}
