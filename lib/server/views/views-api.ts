import 'server-only';
import type { CacheHealth } from '../../health';
import type { Row, ViewList } from '../../views';
import type { ViewStore } from '../kube/view-store';
import { HttpError } from '../errors/http-error';
import { getClusterCache, type ClusterCache } from '../kube/cluster-cache';
import type { RouteContext } from '../http/route';
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

/** A view answer: rows, revision, epoch, and the cache health so pages can flag stale data. */
export function viewAnswer<T extends Row>(
  cache: ClusterCache,
  list: ViewList<T>,
): ViewList<T> & { health: CacheHealth } {
  return { ...list, health: cache.health() };
}

/**
 * The whole of one view as a JSON Response, spliced from the view's cached serialisation (the
 * browser's own pages always ask for whole views, so this is the hot path).
 */
export function wholeViewResponse<T extends Row>(cache: ClusterCache, view: ViewStore<T>): Response {
  const body = `{"items":${view.itemsJson()},"revision":${view.getRevision()},"epoch":${JSON.stringify(view.getEpoch())},"health":${JSON.stringify(cache.health())}}`;
  return new Response(body, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } });
}

/**
 * A view for the signed-in user: the shared answer when they may read all of it, otherwise only
 * the rows in namespaces Kubernetes lets them list (403 when none), further filtered by `filter`.
 */
export async function userView<T extends Row>(
  ctx: RouteContext<unknown, unknown, unknown>,
  view: ViewStore<T>,
  filter?: (r: T) => boolean,
): Promise<Response | (ViewList<T> & { health: CacheHealth })> {
  const cache = syncedCache();
  const scope = await viewScopeFor(ctx.session, cache, view.name, ctx.signal);
  const whole = wholeViewVisible(view.name, scope);
  if (whole && !filter) return wholeViewResponse(cache, view);
  const visible = whole ? null : visibleFilter(view.name, scope);
  return viewAnswer(
    cache,
    view.list((r) => (!visible || visible(r)) && (!filter || filter(r))),
  );
}
