import { Skeleton, TableSkeleton } from '../ui/skeleton';

/** The node detail page while the nodes view loads. */
export function NodeDetailSkeleton() {
  return (
    <div data-testid="node-detail-loading" className="flex flex-col gap-4">
      <Skeleton className="h-20 w-full" />
      <Skeleton className="h-28 w-full" />
      <TableSkeleton rows={4} />
    </div>
  );
}
