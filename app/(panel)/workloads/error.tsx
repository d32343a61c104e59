'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the workloads page. */
export default function WorkloadsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="workloads" />;
}
