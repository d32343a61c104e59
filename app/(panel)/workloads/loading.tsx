import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

/** The workloads page while its code loads. */
export default function WorkloadsLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-40" />
      <TableSkeleton rows={8} />
    </div>
  );
}
