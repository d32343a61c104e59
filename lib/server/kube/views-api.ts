import 'server-only';
import type { CacheHealth } from '../../health';
import type { Row, ViewList } from '../../views';
import { ApiError } from '../http/api-error';
import { getClusterCache, type ClusterCache } from './cluster-cache';

/**
 * The cache, for a route that reads cluster state. A cache that has never completed its first
 * LIST has nothing true to show: that is a 503 with the reason, never an empty list.
 */
export function syncedCache(): ClusterCache {
  const cache = getClusterCache();
  if (!cache.everSynced()) {
    const h = cache.health();
    throw new ApiError(503, 'UNAVAILABLE', h.lastError ?? 'The cluster cache is still loading');
  }
  return cache;
}

/** A view answer: rows, revision, epoch, and the cache health so pages can flag stale data. */
export function viewAnswer<T extends Row>(cache: ClusterCache, list: ViewList<T>): ViewList<T> & { health: CacheHealth } {
  return { ...list, health: cache.health() };
}
