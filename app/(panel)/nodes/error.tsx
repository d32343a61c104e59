'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the nodes page. */
export default function NodesError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="nodes" />;
}
