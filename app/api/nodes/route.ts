import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, wholeViewResponse } from '@/lib/server/kube/views-api';

export const dynamic = 'force-dynamic';

/** All nodes as NodeRows, from the watch cache. */
export const GET = route({ query: z.strictObject({}) }, async () => {
  const cache = syncedCache();
  return wholeViewResponse(cache, cache.views.nodes);
});
