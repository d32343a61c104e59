import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';
import { maySeeClusterFacts } from '@/lib/server/views/health-for';
import { withoutClusterFacts } from '@/lib/health';
import { openLiveStreams } from '@/lib/server/stream/live-hub';

export const dynamic = 'force-dynamic';

/**
 * The watch cache's state (synced, reconnecting with the last error, or failed); with the API
 * server's address, object counts and open streams only for users who may list nodes.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ session, signal }) => {
  const cache = getClusterCache();
  if (await maySeeClusterFacts(session, signal)) return { ...cache.health(), streams: openLiveStreams().total };
  return withoutClusterFacts(cache.health());
});
