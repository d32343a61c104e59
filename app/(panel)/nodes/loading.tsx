import { NodesSkeleton } from '@/components/nodes/nodes-skeleton';
import { Skeleton } from '@/components/ui/skeleton';

/** The nodes page while its code loads. */
export default function NodesLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-32" />
      <NodesSkeleton />
    </div>
  );
}
