import { NodeDetailSkeleton } from '@/components/nodes/node-detail-skeleton';
import { Skeleton } from '@/components/ui/skeleton';

/** The node page while its code loads. */
export default function NodeLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-56" />
      <NodeDetailSkeleton />
    </div>
  );
}
