import { Skeleton } from '@/components/ui/skeleton';

/** The pod page while its code loads. */
export default function PodLoading() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}
