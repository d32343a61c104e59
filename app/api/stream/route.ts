import { z } from 'zod';
import { filterDelta, isFullScope } from '@/lib/view-scope';
import { withoutClusterFacts } from '@/lib/health';
import { fullViewScope } from '@/lib/server/views/view-access';
import { maySeeClusterFacts } from '@/lib/server/views/health-for';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';
import { assertChannelFree, openChannel } from '@/lib/server/stream/channels';
import { sessionTag } from '@/lib/server/stream/session-tag';
import { channelIdSchema } from '@/lib/stream/wire';

export const dynamic = 'force-dynamic';

/** A restricted user's stream ends this often, so its rights are asked again on the reconnect. */
const RESCOPE_MS = 5 * 60_000;

/**
 * The live stream: `hello` (revisions + health), then batched `delta` events from the shared
 * cache and `health` when it changes. Opening streams adds no request to the API server.
 * A user who may read everything gets the shared pre-encoded frames; anyone else gets each delta
 * cut down to the namespaces Kubernetes lets them list. The stream ends with the session.
 * With `channel` (the browser's one shared stream) it is also a multiplexed channel of this
 * session: the hello names the channel and the session's tag, and subscriptions made with
 * `POST /api/stream/subscriptions` arrive on it as `sub` events until it closes.
 */
export const GET = route(
  { query: z.strictObject({ channel: channelIdSchema.optional() }) },
  async ({ signal, session, query }) => {
    const cache = getClusterCache();
    const channel = query.channel;
    if (channel) assertChannelFree(channel, session.sid);
    const scope = await fullViewScope(session, cache, signal);
    const full = isFullScope(scope);
    // The API server's address and object counts in `health` only for those who may list nodes.
    const facts = await maySeeClusterFacts(session, signal);
    const health = () => (facts ? cache.health() : withoutClusterFacts(cache.health()));
    return sseResponse(signal, (w) => {
      const closeChannel = channel ? openChannel(channel, session.sid, w) : () => undefined;
      const names = channel ? { channel, session: sessionTag(session.sid) } : {};
      w.send('hello', { epoch: cache.epoch, revisions: cache.revisions(), health: health(), ...names });
      const unsubscribe = cache.subscribe((m) => {
        if (m.type === 'health' && !facts) w.send('health', withoutClusterFacts(m.health));
        else if (full || m.type !== 'delta') w.frame(m.frame);
        else w.send('delta', filterDelta(m.delta, scope));
      });
      const endAt = Math.min(session.exp - Date.now(), full ? Infinity : RESCOPE_MS);
      const timer = setTimeout(() => w.close(), Math.max(0, endAt));
      timer.unref();
      return () => {
        clearTimeout(timer);
        unsubscribe();
        closeChannel();
      };
    });
  },
);
