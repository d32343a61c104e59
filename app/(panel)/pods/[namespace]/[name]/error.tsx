'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the pod detail page. */
export default function PodError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="pod" />;
}
