'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the node detail page. */
export default function NodeError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="node" />;
}
