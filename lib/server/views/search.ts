import 'server-only';
import { searchRows, type SearchSources } from '../../search/search-rows';
import type { SearchAnswer } from '../../search/types';
import { emptyViewScope, rowVisible, type ViewScope } from '../../view-scope';
import type { Session } from '../auth/session';
import { HttpError } from '../errors/http-error';
import type { ClusterCache } from '../kube/cluster-cache';
import { viewScopeFor, wholeViewVisible } from './view-access';

const SEARCHED = ['nodes', 'pods', 'workloads'] as const;

/** What the user may read of the searched views; a view read nowhere is empty, not a 403. */
async function searchScope(s: Session, cache: ClusterCache, signal?: AbortSignal): Promise<ViewScope> {
  const out = emptyViewScope();
  const parts = await Promise.all(
    SEARCHED.map((v) =>
      viewScopeFor(s, cache, v, signal).catch((e: unknown) => {
        if (e instanceof HttpError && e.status === 403) return null;
        throw e;
      }),
    ),
  );
  if (parts[0]) out.nodes = parts[0].nodes;
  if (parts[1]) out.pods = parts[1].pods;
  if (parts[2]) out.workloads = parts[2].workloads;
  return out;
}

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
  const scope = await searchScope(s, cache, signal);
  return searchRows(query, searchSources(cache, scope), limit);
}
