import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';
import { openLiveStreams } from '@/lib/server/stream/live-hub';

export const dynamic = 'force-dynamic';

/** The watch cache's state (synced, reconnecting with the last error, or failed) and open streams. */
export const GET = route({ query: z.strictObject({}) }, async () => {
  const cache = getClusterCache();
  return { ...cache.health(), streams: openLiveStreams().total };
});
