import 'server-only';
import type { CacheHealth } from '../../health';
import type { Row, ViewList } from '../../views';
import type { ViewStore } from '../kube/view-store';
import { HttpError } from '../errors/http-error';
import { getClusterCache, type ClusterCache } from '../kube/cluster-cache';
import type { RouteContext } from '../http/route';
import { viewAllowsNamespace } from '../../view-scope';
import { healthFor } from './health-for';
import { viewScopeFor, visibleFilter, wholeViewVisible } from './view-access';

/**
 * The cache, for a route that reads cluster state. A cache that has never completed its first
 * LIST has nothing true to show: that is a 503 with the reason, never an empty list.
 */
export function syncedCache(): ClusterCache {
  const cache = getClusterCache();
  if (!cache.everSynced()) {
    const h = cache.health();
    throw new HttpError(503, 'UNAVAILABLE', h.lastError ?? 'The cluster cache is still loading');
  }
  return cache;
}

/** A view answer: rows, revision, epoch, and the cache health (as the user may see it) so pages can flag stale data. */
export function viewAnswer<T extends Row>(
  health: CacheHealth,
  list: ViewList<T>,
): ViewList<T> & { health: CacheHealth } {
  return { ...list, health };
}

/**
 * The whole of one view as a JSON Response, spliced from the view's cached serialisation (the
 * browser's own pages always ask for whole views, so this is the hot path).
 */
export function wholeViewResponse<T extends Row>(health: CacheHealth, view: ViewStore<T>): Response {
  const body = `{"items":${view.itemsJson()},"revision":${view.getRevision()},"epoch":${JSON.stringify(view.getEpoch())},"health":${JSON.stringify(health)}}`;
  return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/**
 * A view for the signed-in user: the shared answer when they may read all of it, otherwise only
 * the rows in namespaces Kubernetes lets them list (403 when none), further filtered by `filter`.
 * With `namespace`, only that namespace's rows, and 403 when the user may not list there (what
 * `kubectl get -n` would answer), even if it is empty or does not exist.
 */
export async function userView<T extends Row & { namespace?: string }>(
  ctx: RouteContext<unknown, unknown, unknown>,
  view: ViewStore<T>,
  filter?: (r: T) => boolean,
  namespace?: string,
): Promise<Response | (ViewList<T> & { health: CacheHealth })> {
  const cache = syncedCache();
  const scope = await viewScopeFor(ctx.session, cache, view.name, ctx.signal);
  if (namespace !== undefined && !viewAllowsNamespace(view.name, scope, namespace))
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${ctx.session.user.username} to list ${view.name} in namespace ${namespace}`,
    );
  const health = await healthFor(ctx.session, cache, ctx.signal);
  const whole = wholeViewVisible(view.name, scope);
  if (whole && !filter && namespace === undefined) return wholeViewResponse(health, view);
  const visible = whole ? null : visibleFilter(view.name, scope);
  return viewAnswer(
    health,
    view.list(
      (r) =>
        (!visible || visible(r)) && (namespace === undefined || r.namespace === namespace) && (!filter || filter(r)),
    ),
  );
}
