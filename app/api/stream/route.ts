import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';

export const dynamic = 'force-dynamic';

/**
 * One stream per browser tab: `hello` (revisions + health), then batched `delta` events from the
 * shared cache and `health` when it changes. Opening tabs adds no request to the API server.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ signal }) => {
  const cache = getClusterCache();
  return sseResponse(signal, (w) => {
    w.send('hello', { epoch: cache.epoch, revisions: cache.revisions(), health: cache.health() });
    const unsubscribe = cache.subscribe((m) => w.frame(m.frame));
    return unsubscribe;
  });
});
