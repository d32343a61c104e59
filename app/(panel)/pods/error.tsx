'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the pods page. */
export default function PodsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="pods" />;
}
