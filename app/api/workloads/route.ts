import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, viewAnswer, wholeViewResponse } from '@/lib/server/kube/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  namespace: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a valid namespace name').optional(),
});

/** Deployments, StatefulSets and DaemonSets as WorkloadRows. */
export const GET = route({ query }, async ({ query: q }) => {
  const cache = syncedCache();
  if (!q.namespace) return wholeViewResponse(cache, cache.views.workloads);
  return viewAnswer(cache, cache.views.workloads.list((w) => w.namespace === q.namespace));
});
