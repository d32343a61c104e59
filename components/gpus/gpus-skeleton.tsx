import { Skeleton } from '../ui/skeleton';

/** The GPU page while its data loads: two inventory cards and map rows. */
export function GpusSkeleton() {
  return (
    <div data-testid="gpus-skeleton" className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Skeleton className="h-40" />
        <Skeleton className="h-40" />
      </div>
      <div className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-4">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-7" />
        ))}
      </div>
    </div>
  );
}
