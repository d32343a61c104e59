import { cn } from './cn';

/** A grey pulsing block standing in for content that is loading. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn('animate-pulse rounded bg-zinc-200/80', className)} />;
}

/** A table-shaped skeleton: a header bar and `rows` lines. */
export function TableSkeleton({ rows = 8, testId }: { rows?: number; testId?: string }) {
  return (
    <div
      data-testid={testId}
      role="status"
      aria-label="Loading"
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white"
    >
      <div className="border-b border-zinc-200 bg-zinc-50 px-3 py-2.5">
        <Skeleton className="h-3 w-2/3" />
      </div>
      <div className="divide-y divide-zinc-100">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex gap-4 px-3 py-2.5">
            <Skeleton className="h-3 w-40" />
            <Skeleton className="h-3 w-20" />
            <Skeleton className="h-3 flex-1" />
          </div>
        ))}
      </div>
    </div>
  );
}
