import 'server-only';
import { withoutClusterFacts, type CacheHealth } from '../../health';
import { canI } from '../auth/access-review';
import type { Session } from '../auth/session';
import type { ClusterCache } from '../kube/cluster-cache';

/**
 * Whether the user may see cluster-wide facts (the API server's address, object counts, open
 * streams): those who may list nodes. When the answer cannot be had (the API server is down and
 * this session was never answered), the facts stay hidden.
 */
export async function maySeeClusterFacts(s: Session, signal?: AbortSignal): Promise<boolean> {
  return canI(s, { verb: 'list', resource: 'nodes' }, signal).then(
    (d) => d.allowed,
    () => false,
  );
}

/** The cache health as this user may see it (see maySeeClusterFacts). */
export async function healthFor(s: Session, cache: ClusterCache, signal?: AbortSignal): Promise<CacheHealth> {
  const h = cache.health();
  return (await maySeeClusterFacts(s, signal)) ? h : withoutClusterFacts(h);
}
