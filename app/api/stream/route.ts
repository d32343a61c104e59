import { z } from 'zod';
import { isFullScope } from '@/lib/view-scope';
import { withoutClusterFacts } from '@/lib/health';
import { fullViewScope } from '@/lib/server/views/view-access';
import { maySeeClusterFacts } from '@/lib/server/views/health-for';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';
import { assertChannelFree, openChannel } from '@/lib/server/stream/channels';
import { guardStream } from '@/lib/server/stream/guard';
import { acquireLiveStream, joinLiveHub, liveLimits, scopeKey } from '@/lib/server/stream/live-hub';
import { sessionTag } from '@/lib/server/stream/session-tag';
import { channelIdSchema } from '@/lib/stream/wire';

export const dynamic = 'force-dynamic';

/**
 * The live stream: `hello` (revisions + health), then batched `delta` events from the shared
 * cache and `health` when it changes. Opening streams adds no request to the API server.
 * A user who may read everything gets the shared pre-encoded frames; anyone else gets each delta
 * cut down to the namespaces Kubernetes lets them list (encoded once per distinct scope).
 * With `channel` (the browser's one shared stream) it is also a multiplexed channel of this
 * session: the hello names the channel and the session's tag, and subscriptions made with
 * `POST /api/stream/subscriptions` arrive on it as `sub` events until it closes.
 * Bounded: streams per session and per process (429), unread bytes per client (dropped beyond).
 * It ends with an `ended` event when the session does (expiry, idle, sign-out on any replica) or when what
 * the user may read changed (asked again every 30 s): the browser reconnects with its new rights.
 */
export const GET = route(
  { query: z.strictObject({ channel: channelIdSchema.optional() }) },
  async ({ req, signal, session, query }) => {
    const cache = getClusterCache();
    const channel = query.channel;
    if (channel) assertChannelFree(channel, session.sid);
    const release = acquireLiveStream(session.sid);
    let scope;
    let facts: boolean;
    try {
      scope = await fullViewScope(session, cache, signal);
      // The API server's address and object counts in `health` only for those who may list nodes.
      facts = await maySeeClusterFacts(session, signal);
    } catch (e) {
      release();
      throw e;
    }
    const full = isFullScope(scope);
    const key = scopeKey(scope);
    return sseResponse(
      req,
      (w) => {
        const closeChannel = channel ? openChannel(channel, session.sid, w) : () => undefined;
        const names = channel ? { channel, session: sessionTag(session.sid) } : {};
        w.send('hello', {
          epoch: cache.epoch,
          revisions: cache.revisions(),
          health: facts ? cache.health() : withoutClusterFacts(cache.health()),
          ...names,
        });
        const leave = joinLiveHub(cache, w, scope, { full, facts });
        const unguard = guardStream({
          session,
          recheck: async () =>
            scopeKey(await fullViewScope(session, cache)) === key
              ? null
              : 'What Kubernetes lets you read has changed; the stream reconnects with your current rights',
          end: (why) => {
            w.send('ended', why);
            w.close();
          },
        });
        return () => {
          unguard();
          leave();
          closeChannel();
          release();
        };
      },
      { abandon: release, maxQueuedBytes: liveLimits().queueBytes },
    );
  },
);
