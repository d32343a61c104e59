import type { DiffHunk } from '@/lib/template-diff';
import { cn } from './cn';

const LINE = { add: 'bg-emerald-50 text-emerald-900', del: 'bg-red-50 text-red-900', ctx: 'text-zinc-600' } as const;
const SIGN = { add: '+', del: '-', ctx: ' ' } as const;

/** Unified-diff hunks in monospace: removed lines red, added lines green, context grey. */
export function DiffHunks({
  hunks,
  testId,
  empty = 'No differences.',
}: {
  hunks: DiffHunk[];
  testId?: string;
  empty?: string;
}) {
  if (hunks.length === 0)
    return (
      <p data-testid={testId} className="text-sm text-zinc-500">
        {empty}
      </p>
    );
  return (
    <div
      data-testid={testId}
      className="overflow-x-auto rounded-md border border-zinc-200 font-mono text-[12px] leading-5"
    >
      {hunks.map((h) => (
        <div key={h.header}>
          <div className="bg-zinc-100 px-2 text-zinc-500">{h.header}</div>
          {h.lines.map((l, i) => (
            <div key={i} data-kind={l.kind} className={cn('px-2 whitespace-pre', LINE[l.kind])}>
              <span aria-hidden className="mr-2 select-none">
                {SIGN[l.kind]}
              </span>
              {l.text}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
