'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the overview. */
export default function OverviewError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="overview" />;
}
