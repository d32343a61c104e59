import { logQuerySchema } from '@/lib/logs/options';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { openLogFeed } from '@/lib/server/logs/log-feed';

export const dynamic = 'force-dynamic';

/**
 * Live logs as server-sent events: one pod (`pod`, optionally one `container`) or every pod of
 * `selector` in `namespace`, with follow / tail / since / until / previous. Events: `targets`
 * (the followed containers and their state), `lines` (batches of lines and markers every ~75 ms),
 * `end` (a non-follow stream has delivered everything). Logs are read with the user's own
 * credentials, so Kubernetes RBAC on `pods/log` decides; a selector stream also needs the right to
 * list pods in the namespace. Bounded: streams per session, pods per selector, bytes per second.
 * The panel's pages use the `logs` subscription of the shared stream, which runs the same feed.
 */
export const GET = route({ query: logQuerySchema }, async (ctx) => {
  const feed = await openLogFeed(ctx, ctx.query);
  return sseResponse(ctx.req, (w) => feed.start(w), { maxQueuedBytes: 4 * 1024 * 1024, abandon: feed.abandon });
});
