import { assertMaySeeDeploys } from '@/lib/server/deploy/deploy-access';
import { route } from '@/lib/server/http/route';
import { openLogFeed } from '@/lib/server/logs/log-feed';
import { assertCanAttach, attach, detach } from '@/lib/server/stream/channels';
import { deployFeed } from '@/lib/server/stream/deploy-feed';
import { subscribeBodySchema, unsubscribeQuerySchema } from '@/lib/stream/wire';

export const dynamic = 'force-dynamic';

/**
 * Starts a subscription on one of the session's shared streams (`GET /api/stream?channel=…`):
 * `logs` (the query `/api/logs` takes, refused the same way: 400, 403, 404, 429) or `deploy`
 * (progress of the current deploy; 403 for users who may not see deploys). Its events arrive on the stream as `sub` events. A channel
 * the session does not hold — another session's included — is a 404; nothing is started on a
 * refusal, nor when this request was cancelled while the feed was prepared. The subscription lives until it is deleted, its channel closes or the session ends.
 */
export const POST = route({ body: subscribeBodySchema, maxBodyBytes: 8 * 1024 }, async (ctx) => {
  const b = ctx.body;
  assertCanAttach(b.channel, ctx.session.sid, b.id);
  if (b.topic === 'deploy') await assertMaySeeDeploys(ctx.session, ctx.signal);
  const feed = b.topic === 'logs' ? await openLogFeed(ctx, b.query) : deployFeed(ctx.session);
  attach(b.channel, ctx.session.sid, b.id, b.topic, feed, ctx.signal);
  return { subscribed: b.id };
});

/** Ends a subscription (`channel`, `id`); 404 for a channel the session does not hold. */
export const DELETE = route({ query: unsubscribeQuerySchema }, async ({ query, session }) => {
  const stopped = detach(query.channel, session.sid, query.id);
  return { unsubscribed: query.id, stopped };
});
