'use client';

import { RouteError } from '@/components/feedback/route-error';

/** Error boundary of the GPU page. */
export default function GpusError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError error={error} retry={retry} area="GPUs" />;
}
