import 'server-only';
import { namespaceAccess, type NamespaceAccess } from '../../namespace-access';
import type { NamespaceScope, ViewScope } from '../../view-scope';
import { emptyViewScope, isEmptyScope, rowVisible } from '../../view-scope';
import { RESOURCES, WORKLOAD_RESOURCES as WORKLOADS, type WorkloadKind } from '../../kube-resources';
import type { Row, ViewName, WorkloadRow } from '../../views';
import { HttpError } from '../errors/http-error';
import type { ClusterCache } from '../kube/cluster-cache';
import { canI, listScope } from '../auth/access-review';
import type { Session } from '../auth/session';

type NamespacedView = 'pods' | 'events' | 'jobs' | 'cronjobs' | 'resourceclaims' | 'resourceclaimtemplates';
const DRA_GROUP = RESOURCES.resourceclaims.group;
const BATCH_GROUP = RESOURCES.jobs.group;

/**
 * The namespaces to ask about: every one that exists (the cache mirrors Namespaces), so a user
 * bound in an empty namespace is let into it; plus those holding objects of the view, should an
 * object be seen before its namespace.
 */
function namespacesIn(cache: ClusterCache, view: NamespacedView | WorkloadKind): Set<string> {
  const out = new Set<string>(cache.namespaceNames());
  if (
    view === 'pods' ||
    view === 'events' ||
    view === 'jobs' ||
    view === 'cronjobs' ||
    view === 'resourceclaims' ||
    view === 'resourceclaimtemplates'
  ) {
    for (const r of cache.views[view].list().items) out.add(r.namespace);
  } else {
    for (const r of cache.views.workloads.list().items) if ((r as WorkloadRow).kind === view) out.add(r.namespace);
  }
  return out;
}

/**
 * The part of one cached view the user may read, decided by Kubernetes (SelfSubjectAccessReviews
 * with the user's credentials). Throws 403 when the user may read it in no namespace at all, naming
 * the right that is missing, so a page says why it is empty instead of showing an empty cluster;
 * a user who may read an empty namespace gets an empty list.
 */
export async function viewScopeFor(
  s: Session,
  cache: ClusterCache,
  view: ViewName,
  signal?: AbortSignal,
): Promise<ViewScope> {
  const scope = emptyViewScope();
  if (view === 'nodes') {
    scope.nodes = (await canI(s, { verb: 'list', resource: 'nodes' }, signal)).allowed;
    if (!scope.nodes)
      throw new HttpError(403, 'FORBIDDEN', `Kubernetes does not allow ${s.user.username} to list nodes`);
  } else if (view === 'deviceclasses' || view === 'resourceslices') {
    // Cluster-scoped like nodes: a user lists all of them or none.
    scope[view] = (await canI(s, { verb: 'list', group: DRA_GROUP, resource: view }, signal)).allowed;
    if (!scope[view])
      throw new HttpError(403, 'FORBIDDEN', `Kubernetes does not allow ${s.user.username} to list ${view}`);
  } else if (view === 'resourceclaims' || view === 'resourceclaimtemplates') {
    // Namespaced like pods: each user sees the claims of the namespaces they may list claims in.
    scope[view] = await listScope(s, DRA_GROUP, view, () => namespacesIn(cache, view), signal);
    if (isEmptyScope(scope[view]))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Kubernetes does not allow ${s.user.username} to list ${view} in any namespace`,
      );
  } else if (view === 'pods' || view === 'events' || view === 'jobs' || view === 'cronjobs') {
    const group = view === 'jobs' || view === 'cronjobs' ? BATCH_GROUP : '';
    scope[view] = await listScope(s, group, view, () => namespacesIn(cache, view), signal);
    if (isEmptyScope(scope[view]))
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Kubernetes does not allow ${s.user.username} to list ${view} in any namespace`,
      );
  } else {
    const kinds = Object.keys(WORKLOADS) as WorkloadKind[];
    const scopes = await Promise.all(
      kinds.map((k) => listScope(s, RESOURCES[WORKLOADS[k]].group, WORKLOADS[k], () => namespacesIn(cache, k), signal)),
    );
    kinds.forEach((k, i) => {
      scope.workloads[k] = scopes[i]!;
    });
    if (scopes.every(isEmptyScope)) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        `Kubernetes does not allow ${s.user.username} to list deployments, statefulsets or daemonsets in any namespace`,
      );
    }
  }
  return scope;
}

/** Whether the whole view is visible (then the shared, pre-serialised answer is used). */
export function wholeViewVisible(view: ViewName, scope: ViewScope): boolean {
  switch (view) {
    case 'nodes':
      return scope.nodes;
    case 'pods':
      return scope.pods.all;
    case 'events':
      return scope.events.all;
    case 'jobs':
    case 'cronjobs':
      return scope[view].all;
    case 'workloads':
      return Object.values(scope.workloads).every((w) => w.all);
    case 'deviceclasses':
    case 'resourceslices':
      return scope[view];
    case 'resourceclaims':
    case 'resourceclaimtemplates':
      return scope[view].all;
  }
}

/** The scope for every view at once (the live stream), without 403s: what cannot be read is empty. */
export async function fullViewScope(s: Session, cache: ClusterCache, signal?: AbortSignal): Promise<ViewScope> {
  const views = [
    'nodes',
    'pods',
    'events',
    'jobs',
    'cronjobs',
    'workloads',
    'deviceclasses',
    'resourceslices',
    'resourceclaims',
    'resourceclaimtemplates',
  ] as const satisfies readonly ViewName[];
  const parts = await Promise.all(
    views.map((v) =>
      viewScopeFor(s, cache, v, signal).catch((e: unknown) => {
        if (e instanceof HttpError && e.status === 403) return null;
        throw e;
      }),
    ),
  );
  const out = emptyViewScope();
  views.forEach((v, i) => {
    const part = parts[i];
    if (!part) return;
    // Each part holds only its own view's answer; copy that field across.
    (out as Record<typeof v, unknown>)[v] = part[v];
  });
  return out;
}

export function visibleFilter(view: ViewName, scope: ViewScope): (r: Row) => boolean {
  return (r) => rowVisible(view, r, scope);
}

/**
 * The namespaces the user may read, each with what they may list there (GET /api/namespaces and
 * the pages' namespace pickers): every namespace that exists, cut by the same reviews as the
 * views. 403 when there is none, like a view the user may read nowhere.
 */
export async function readableNamespaces(
  s: Session,
  cache: ClusterCache,
  signal?: AbortSignal,
): Promise<NamespaceAccess[]> {
  const scope = await fullViewScope(s, cache, signal);
  const names = new Set(cache.namespaceNames());
  const scopes: NamespaceScope[] = [
    scope.pods,
    scope.events,
    scope.jobs,
    scope.cronjobs,
    scope.resourceclaims,
    scope.resourceclaimtemplates,
    ...Object.values(scope.workloads),
  ];
  for (const ns of scopes) if (!ns.all) for (const n of ns.namespaces) names.add(n);
  const items = namespaceAccess(names, scope);
  if (items.length === 0)
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${s.user.username} to list anything in any namespace`,
    );
  return items;
}
