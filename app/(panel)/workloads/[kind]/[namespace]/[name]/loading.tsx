import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

/** The workload page while its code loads. */
export default function WorkloadLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-72" />
      <TableSkeleton rows={4} />
    </div>
  );
}
