import { GpusSkeleton } from '@/components/gpus/gpus-skeleton';
import { Skeleton } from '@/components/ui/skeleton';

/** The GPU page while its code loads. */
export default function GpusLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-32" />
      <GpusSkeleton />
    </div>
  );
}
