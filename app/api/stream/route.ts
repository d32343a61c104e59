import { z } from 'zod';
import { filterDelta, isFullScope } from '@/lib/view-scope';
import { fullViewScope } from '@/lib/server/views/view-access';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';

export const dynamic = 'force-dynamic';

/** A restricted user's stream ends this often, so its rights are asked again on the reconnect. */
const RESCOPE_MS = 5 * 60_000;

/**
 * One stream per browser tab: `hello` (revisions + health), then batched `delta` events from the
 * shared cache and `health` when it changes. Opening tabs adds no request to the API server.
 * A user who may read everything gets the shared pre-encoded frames; anyone else gets each delta
 * cut down to the namespaces Kubernetes lets them list. The stream ends with the session.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ signal, session }) => {
  const cache = getClusterCache();
  const scope = await fullViewScope(session, cache, signal);
  const full = isFullScope(scope);
  return sseResponse(signal, (w) => {
    w.send('hello', { epoch: cache.epoch, revisions: cache.revisions(), health: cache.health() });
    const unsubscribe = cache.subscribe((m) => {
      if (full || m.type !== 'delta') w.frame(m.frame);
      else w.send('delta', filterDelta(m.delta, scope));
    });
    const endAt = Math.min(session.exp - Date.now(), full ? Infinity : RESCOPE_MS);
    const timer = setTimeout(() => w.close(), Math.max(0, endAt));
    timer.unref();
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  });
});
