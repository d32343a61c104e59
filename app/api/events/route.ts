import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, viewAnswer, wholeViewResponse } from '@/lib/server/kube/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  type: z.enum(['Normal', 'Warning']).optional(),
  namespace: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a valid namespace name').optional(),
});

/** Events as EventRows (the API server keeps them about an hour). */
export const GET = route({ query }, async ({ query: q }) => {
  const cache = syncedCache();
  if (!q.type && !q.namespace) return wholeViewResponse(cache, cache.views.events);
  return viewAnswer(cache, cache.views.events.list((e) => (!q.type || e.type === q.type) && (!q.namespace || e.namespace === q.namespace)));
});
