'use client';

import { RouteError } from '@/components/common/route-error';

/** Error boundary of the logs page. */
export default function LogsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="logs" />;
}
