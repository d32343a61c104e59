import { Skeleton, TableSkeleton } from '../ui/skeleton';

/** The pods page while its view loads: toolbar and table placeholders. */
export function PodsSkeleton() {
  return (
    <div data-testid="pods-loading" className="flex flex-col gap-3">
      <div className="flex gap-2">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-8 flex-1" />
        <Skeleton className="h-8 w-64" />
      </div>
      <TableSkeleton rows={12} />
    </div>
  );
}
