import { Skeleton } from '@/components/ui/skeleton';

/** The overview while its code loads: the card grid in grey. */
export default function OverviewLoading() {
  return (
    <div data-testid="overview-loading" className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Skeleton className="col-span-full h-7 w-40" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-56" />
      ))}
    </div>
  );
}
