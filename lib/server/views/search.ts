import 'server-only';
import { searchRows, type SearchSources } from '../../search/search-rows';
import type { SearchAnswer } from '../../search/types';
import { rowVisible, type ViewScope } from '../../view-scope';
import type { Session } from '../auth/session';
import type { ClusterCache } from '../kube/cluster-cache';
import { fullViewScope, wholeViewVisible } from './view-access';

/** The views to search, each cut to what `scope` lets the user read (a view read nowhere is left out). */
export function searchSources(cache: ClusterCache, scope: ViewScope): SearchSources {
  const v = cache.views;
  const part = <T extends Parameters<typeof rowVisible>[1]>(view: 'nodes' | 'pods' | 'workloads', rows: Iterable<T>) =>
    wholeViewVisible(view, scope) ? { rows } : { rows, visible: (r: T) => rowVisible(view, r, scope) };
  const nodes = scope.nodes ? { rows: v.nodes.allRows() } : undefined;
  return { nodes, pods: part('pods', v.pods.allRows()), workloads: part('workloads', v.workloads.allRows()) };
}

/**
 * The palette's answer for one user: the cached nodes, pods and workloads matching `query`, only
 * those Kubernetes lets the user list (the same access reviews as the views, cached per session,
 * so a keystroke costs a scan of the cache and no request to the API server).
 */
export async function searchFor(
  s: Session,
  cache: ClusterCache,
  query: string,
  limit: number,
  signal?: AbortSignal,
): Promise<SearchAnswer> {
  const scope = await fullViewScope(s, cache, signal);
  return searchRows(query, searchSources(cache, scope), limit);
}
