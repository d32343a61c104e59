import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { parseSelector, type Selector } from '../../label-selector';
import type { LogQuery } from '../../logs/options';
import { canI } from '../auth/access-review';
import type { Session } from '../auth/session';
import { viewScopeFor } from '../views/view-access';
import { HttpError } from '../errors/http-error';
import { syncedCache } from '../views/views-api';
import { guardStream } from '../stream/guard';
import type { Feed, FeedSink } from '../stream/feed';
import { LogBatcher } from './batcher';
import { LogStream } from './log-stream';
import { podContainers } from './pod-containers';
import { acquireLogStream, logLimits } from './registry';

/** What a log feed needs of the request that asked for it. */
export interface LogFeedContext {
  session: Session;
  /** The user's own credentials: Kubernetes RBAC on `pods/log` decides. */
  kube: () => KubeConfig;
  /** Aborts the preparation (container lookup, access review) when the client leaves. */
  signal: AbortSignal;
}

/** The schema has already checked the selector parses. */
function selectorOf(text: string): Selector {
  const parsed = parseSelector(text);
  return parsed.ok ? parsed.selector : [];
}

/**
 * Asks Kubernetes again whether the user may still read what the stream shows: `pods/log` in the
 * namespace (of that pod), and for a selector, listing the namespace's pods. A message when not.
 */
async function logRightsGone(s: Session, q: LogQuery): Promise<string | null> {
  const [logs, list] = await Promise.all([
    canI(s, { verb: 'get', resource: 'pods', subresource: 'log', namespace: q.namespace, name: q.pod }),
    q.selector ? canI(s, { verb: 'list', resource: 'pods', namespace: q.namespace }) : null,
  ]);
  if (!logs.allowed) return `Kubernetes no longer allows ${s.user.username} to read pod logs in ${q.namespace}`;
  if (list && !list.allowed) return `Kubernetes no longer allows ${s.user.username} to list pods in ${q.namespace}`;
  return null;
}

/**
 * Prepares live logs of one pod or of every pod of a selector: takes a stream slot (429 past
 * the caps), checks the user's rights (403), finds the containers (404), opens the upstream
 * streams. Refusals throw before anything is streamed. Events once started: `targets`, `lines`
 * (batched), `end` (a non-follow stream has delivered everything, then the sink is closed),
 * `ended` (the panel ended it: session over or rights withdrawn; see lib/server/stream/guard.ts).
 * Shared by `/api/logs` and the `logs` subscription of the multiplexed stream.
 */
export async function openLogFeed(ctx: LogFeedContext, q: LogQuery): Promise<Feed> {
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
      if (!logs.allowed)
        throw new HttpError(
          403,
          'FORBIDDEN',
          `Kubernetes does not allow ${ctx.session.user.username} to read pod logs in ${q.namespace}`,
        );
      podScope = scope.pods;
    }
    const selector = q.selector ? selectorOf(q.selector) : undefined;
    let sink: FeedSink | null = null;
    const send = (event: string, data: unknown) => sink?.send(event, data) ?? false;
    const batcher = new LogBatcher({ flushMs: limits.flushMs, bytesPerSecond: limits.bytesPerSecond }, (entries) =>
      send('lines', { entries }),
    );
    const stream = new LogStream({
      kc,
      cache,
      query: q,
      containers,
      selector,
      podScope,
      maxPods: limits.maxPods,
      emit: (e) => batcher.add(e),
      targets: (targets) => {
        batcher.flush();
        send('targets', { targets });
      },
    });
    await stream.start();
    let done = false;
    const stop = () => {
      if (done) return;
      done = true;
      stream.stop();
      batcher.stop();
      release();
    };
    return {
      start(s) {
        sink = s;
        s.send('targets', { targets: stream.targetsNow() });
        batcher.start();
        batcher.flush();
        let ended: NodeJS.Timeout | null = null;
        // A stream that does not follow ends once every container has delivered its log.
        if (!q.follow || q.previous || q.until) {
          ended = setInterval(() => {
            if (!stream.active()) {
              batcher.flush();
              s.send('end', {});
              s.close();
            }
          }, 100);
        }
        // Ends with the session (expiry, idle, sign-out) or when the user may no longer read these logs.
        const unguard = guardStream({
          session: ctx.session,
          recheck: () => logRightsGone(ctx.session, q),
          end: (why) => {
            batcher.flush();
            s.send('ended', why);
            s.close();
          },
        });
        return () => {
          if (ended) clearInterval(ended);
          unguard();
          sink = null;
          stop();
        };
      },
      abandon: stop,
    };
  } catch (e) {
    release();
    throw e;
  }
}
