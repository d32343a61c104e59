import 'server-only';
import type { PromSample } from '../../metrics/idle-hours';
import { checkPromqlBounds } from '../../metrics/promql-bounds';
import { scopeMatcher, scopeQuery, type MetricsScope } from '../../metrics/promql-scope';
import { PromqlRefusal } from '../../metrics/promql-tree';
import type { PromSeries } from '../../metrics/shape';
import type { QueryWindow } from '../../metrics/time-range';
import { canI, listScope } from '../auth/access-review';
import type { Session } from '../auth/session';
import { HttpError } from '../errors/http-error';
import { syncedCache } from '../views/views-api';
import { queryInstant, queryRange } from './prometheus';

/** Prometheus as one user may read it: every query limited to their rights and bounded. */
export interface UserPrometheus {
  access: MetricsScope;
  /** A range query; `expr` is the PromQL actually sent (with the user's namespace matcher). */
  range(expr: string, w: QueryWindow): Promise<{ expr: string; series: PromSeries[] }>;
  /** An instant query at `time`; `expr` as sent. */
  instant(expr: string, time: number): Promise<{ expr: string; samples: PromSample[] }>;
}

/**
 * What Kubernetes lets the user read, asked with their own credentials: list nodes (series
 * without a namespace) and list pods, cluster-wide or per namespace (listScope).
 */
export async function metricsAccess(s: Session, signal: AbortSignal): Promise<MetricsScope> {
  const [nodes, pods] = await Promise.all([
    canI(s, { verb: 'list', resource: 'nodes' }, signal),
    listScope(
      s,
      '',
      'pods',
      // Every namespace that exists, so an empty namespace of the user's still counts as theirs.
      () => {
        const cache = syncedCache();
        return new Set([...cache.namespaceNames(), ...cache.views.pods.list().items.map((p) => p.namespace)]);
      },
      signal,
    ),
  ]);
  return { nodes: nodes.allowed, namespaces: pods.all ? 'all' : [...pods.namespaces].sort() };
}

function refusal(e: unknown): never {
  if (e instanceof PromqlRefusal)
    throw new HttpError(e.status, e.status === 403 ? 'FORBIDDEN' : 'BAD_REQUEST', e.message, 'query');
  throw e;
}

/**
 * The bounded, scoped Prometheus for one request: the bounds of promql-bounds.ts, the namespace
 * matcher of promql-scope.ts (none for a user who may read everything), and the session's share
 * of the Prometheus slots. A user who may read no series gets a 403 before any query.
 */
export async function userPrometheus(ctx: { session: Session; signal: AbortSignal }): Promise<UserPrometheus> {
  const access = await metricsAccess(ctx.session, ctx.signal);
  let matcher: string | null = null;
  try {
    matcher = scopeMatcher(access);
  } catch (e) {
    refusal(e);
  }
  const caller = { sessionId: ctx.session.sid, signal: ctx.signal };
  const prepare = (expr: string, windowSeconds: number) => {
    try {
      checkPromqlBounds(expr, windowSeconds);
      return scopeQuery(expr, matcher);
    } catch (e) {
      // Someone who may read everything gets Prometheus' own word on a syntax error, as before.
      if (e instanceof PromqlRefusal && e.syntax && matcher === null) return expr;
      return refusal(e);
    }
  };
  return {
    access,
    async range(expr, w) {
      const sent = prepare(expr, w.end - w.start);
      return { expr: sent, series: await queryRange(sent, w, caller) };
    },
    async instant(expr, time) {
      const sent = prepare(expr, 0);
      return { expr: sent, samples: await queryInstant(sent, time, caller) };
    },
  };
}
