'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the logs page. */
export default function LogsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="logs" />;
}
