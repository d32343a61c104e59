import { Skeleton } from '@/components/ui/skeleton';

/** The logs page while its code loads. */
export default function LogsLoading() {
  return (
    <div className="flex flex-col gap-3">
      <Skeleton className="h-7 w-24" />
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-[60vh] w-full" />
    </div>
  );
}
