'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the metrics page. */
export default function MetricsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="metrics" />;
}
