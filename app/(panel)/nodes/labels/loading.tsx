import { Skeleton, TableSkeleton } from '@/components/ui/skeleton';

/** The labelling page while its code loads. */
export default function NodeLabelsLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-48" />
      <TableSkeleton rows={5} />
    </div>
  );
}
