'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the workload detail page. */
export default function WorkloadError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="workload" />;
}
