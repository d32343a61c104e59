import { parseSelector, type Selector } from '@/lib/label-selector';
import { logQuerySchema } from '@/lib/logs/options';
import { canI } from '@/lib/server/auth/access-review';
import { viewScopeFor } from '@/lib/server/views/view-access';
import { HttpError as ApiError } from '@/lib/server/errors/http-error';
import { route } from '@/lib/server/http/route';
import { sseResponse } from '@/lib/server/http/sse';
import { syncedCache } from '@/lib/server/views/views-api';
import { LogBatcher } from '@/lib/server/logs/batcher';
import { LogStream } from '@/lib/server/logs/log-stream';
import { podContainers } from '@/lib/server/logs/pod-containers';
import { acquireLogStream, logLimits } from '@/lib/server/logs/registry';

export const dynamic = 'force-dynamic';

/** The schema has already checked the selector parses. */
function selectorOf(text: string): Selector {
  const parsed = parseSelector(text);
  return parsed.ok ? parsed.selector : [];
}

/**
 * Live logs as server-sent events: one pod (`pod`, optionally one `container`) or every pod of
 * `selector` in `namespace`, with follow / tail / since / until / previous. Events: `targets`
 * (the followed containers and their state), `lines` (batches of lines and markers every ~75 ms),
 * `end` (a non-follow stream has delivered everything). Logs are read with the user's own
 * credentials, so Kubernetes RBAC on `pods/log` decides; a selector stream also needs the right to
 * list pods in the namespace. Bounded: streams per session, pods per selector, bytes per second.
 */
export const GET = route({ query: logQuerySchema }, async (ctx) => {
  const q = ctx.query;
  const cache = syncedCache();
  const limits = logLimits();
  const release = acquireLogStream(ctx.session.sid);
  try {
    const kc = ctx.kube();
    let containers: string[] | undefined;
    let podScope;
    if (q.pod) {
      containers = await podContainers(kc, q.namespace, q.pod, q.container, ctx.signal);
    } else {
      const [scope, logs] = await Promise.all([
        viewScopeFor(ctx.session, cache, 'pods', ctx.signal),
        canI(ctx.session, { verb: 'get', resource: 'pods', subresource: 'log', namespace: q.namespace }, ctx.signal),
      ]);
      if (!logs.allowed) throw new ApiError(403, 'FORBIDDEN', `Kubernetes does not allow ${ctx.user.username} to read pod logs in ${q.namespace}`);
      podScope = scope.pods;
    }
    const selector = q.selector ? selectorOf(q.selector) : undefined;
    let send: (event: string, data: unknown) => boolean = () => false;
    const batcher = new LogBatcher({ flushMs: limits.flushMs, bytesPerSecond: limits.bytesPerSecond }, (entries) => send('lines', { entries }));
    const stream = new LogStream({
      kc, cache, query: q, containers, selector, podScope, maxPods: limits.maxPods,
      emit: (e) => batcher.add(e),
      targets: (targets) => { batcher.flush(); send('targets', { targets }); },
    });
    await stream.start();
    let ended: NodeJS.Timeout | null = null;
    return sseResponse(ctx.signal, (w) => {
      send = (event, data) => w.send(event, data);
      w.send('targets', { targets: stream.targetsNow() });
      batcher.start();
      batcher.flush();
      // A stream that does not follow ends once every container has delivered its log.
      if (!q.follow || q.previous || q.until) {
        ended = setInterval(() => {
          if (!stream.active()) { batcher.flush(); w.send('end', {}); w.close(); }
        }, 100);
      }
      const endAt = setTimeout(() => w.close(), Math.max(0, ctx.session.exp - Date.now()));
      endAt.unref();
      return () => {
        if (ended) clearInterval(ended);
        clearTimeout(endAt);
        stream.stop();
        batcher.stop();
        release();
      };
    }, { maxQueuedBytes: 4 * 1024 * 1024 });
  } catch (e) {
    release();
    throw e;
  }
});
