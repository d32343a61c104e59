'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the node-labelling page. */
export default function NodeLabelsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="node labelling" />;
}
