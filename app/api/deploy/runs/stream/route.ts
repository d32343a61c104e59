import { z } from 'zod';
import { assertMaySeeDeploys } from '@/lib/server/deploy/deploy-access';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { deployFeed } from '@/lib/server/stream/deploy-feed';

export const dynamic = 'force-dynamic';

/**
 * Progress of the current deploy as its own stream (`run` events; see deployFeed), for users who
 * may read the deploy settings (403 otherwise). Leaving does not stop the deploy; coming back shows
 * where it is. The panel's pages use the `deploy` subscription of the shared stream instead.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ req, signal, session }) => {
  await assertMaySeeDeploys(session, signal);
  const feed = deployFeed(session);
  return sseResponse(req, (w) => feed.start(w), { abandon: feed.abandon });
});
