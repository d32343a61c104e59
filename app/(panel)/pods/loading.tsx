import { PodsSkeleton } from '@/components/pods/pods-skeleton';
import { Skeleton } from '@/components/ui/skeleton';

/** The pods page while its code loads. */
export default function PodsLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-32" />
      <PodsSkeleton />
    </div>
  );
}
