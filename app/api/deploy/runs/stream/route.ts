import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { deployFeed } from '@/lib/server/stream/deploy-feed';

export const dynamic = 'force-dynamic';

/**
 * Progress of the current deploy as its own stream (`run` events; see deployFeed). Leaving does
 * not stop the deploy; coming back shows where it is. The panel's pages use the `deploy`
 * subscription of the shared stream instead.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ signal }) => {
  const feed = deployFeed();
  return sseResponse(signal, (w) => feed.start(w), { abandon: feed.abandon });
});
