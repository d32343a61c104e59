import { TableSkeleton } from '../ui/skeleton';

/** The nodes table while the nodes view loads. */
export function NodesSkeleton() {
  return <TableSkeleton rows={6} testId="nodes-loading" />;
}
