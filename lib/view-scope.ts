/**
 * What one user may read of the shared cache. The cache is filled with the panel's own (read-only)
 * identity; every answer built from it is cut down to what the user's Kubernetes RBAC allows, as
 * decided by SelfSubjectAccessReviews made with the user's credentials (lib/server/auth/access-review.ts).
 * Pure: rows, keys and deltas in, the visible part out.
 */
import { WORKLOAD_RESOURCES, type WorkloadKind } from './kube-resources';
import type {
  CronJobRow,
  EventRow,
  JobRow,
  PodRow,
  ResourceClaimRow,
  ResourceClaimTemplateRow,
  Row,
  ViewDelta,
  ViewName,
  WorkloadRow,
} from './views';

/** Namespaces a user may list a resource in: every one, or the named ones (possibly none). */
export type NamespaceScope = { all: true } | { all: false; namespaces: ReadonlySet<string> };

export interface ViewScope {
  nodes: boolean;
  pods: NamespaceScope;
  workloads: Record<WorkloadKind, NamespaceScope>;
  events: NamespaceScope;
  /** batch/v1, namespaced like pods. */
  jobs: NamespaceScope;
  cronjobs: NamespaceScope;
  /** DRA: cluster-scoped kinds are all or nothing (like nodes), claims and templates by namespace (like pods). */
  deviceclasses: boolean;
  resourceslices: boolean;
  resourceclaims: NamespaceScope;
  resourceclaimtemplates: NamespaceScope;
}

export const FULL_NAMESPACES: NamespaceScope = { all: true };
export const NO_NAMESPACES: NamespaceScope = { all: false, namespaces: new Set() };

/** A scope that shows nothing of any view: the start of a scope built view by view. */
export function emptyViewScope(): ViewScope {
  const workloads = Object.fromEntries(Object.keys(WORKLOAD_RESOURCES).map((k) => [k, NO_NAMESPACES])) as Record<
    WorkloadKind,
    NamespaceScope
  >;
  return {
    nodes: false,
    pods: NO_NAMESPACES,
    events: NO_NAMESPACES,
    jobs: NO_NAMESPACES,
    cronjobs: NO_NAMESPACES,
    workloads,
    deviceclasses: false,
    resourceslices: false,
    resourceclaims: NO_NAMESPACES,
    resourceclaimtemplates: NO_NAMESPACES,
  };
}

export function allowsNamespace(scope: NamespaceScope, namespace: string): boolean {
  return scope.all || scope.namespaces.has(namespace);
}

export function isEmptyScope(scope: NamespaceScope): boolean {
  return !scope.all && scope.namespaces.size === 0;
}

/** True when the user may read every row of every view: the shared, pre-encoded answers apply. */
export function isFullScope(scope: ViewScope): boolean {
  return (
    scope.nodes &&
    scope.pods.all &&
    scope.events.all &&
    scope.jobs.all &&
    scope.cronjobs.all &&
    Object.values(scope.workloads).every((s) => s.all) &&
    scope.deviceclasses &&
    scope.resourceslices &&
    scope.resourceclaims.all &&
    scope.resourceclaimtemplates.all
  );
}

export function rowVisible(view: ViewName, row: Row, scope: ViewScope): boolean {
  switch (view) {
    case 'nodes':
      return scope.nodes;
    case 'pods':
      return allowsNamespace(scope.pods, (row as PodRow).namespace);
    case 'events':
      return allowsNamespace(scope.events, (row as EventRow).namespace);
    case 'jobs':
    case 'cronjobs':
      return allowsNamespace(scope[view], (row as JobRow | CronJobRow).namespace);
    case 'workloads': {
      const w = row as WorkloadRow;
      return allowsNamespace(scope.workloads[w.kind], w.namespace);
    }
    case 'deviceclasses':
    case 'resourceslices':
      return scope[view];
    case 'resourceclaims':
    case 'resourceclaimtemplates':
      return allowsNamespace(scope[view], (row as ResourceClaimRow | ResourceClaimTemplateRow).namespace);
  }
}

/**
 * Whether the user may list the view's rows in one namespace (for workloads: any of the kinds),
 * as `kubectl get -n <namespace>` would be allowed. Cluster-scoped views have no namespace: they
 * answer as a whole.
 */
export function viewAllowsNamespace(view: ViewName, scope: ViewScope, namespace: string): boolean {
  switch (view) {
    case 'nodes':
    case 'deviceclasses':
    case 'resourceslices':
      return scope[view];
    case 'workloads':
      return Object.values(scope.workloads).some((s) => allowsNamespace(s, namespace));
    case 'pods':
    case 'events':
    case 'jobs':
    case 'cronjobs':
    case 'resourceclaims':
    case 'resourceclaimtemplates':
      return allowsNamespace(scope[view], namespace);
  }
}

/** Whether the row behind a view key (as in a delta's deletes) is visible. */
export function keyVisible(view: ViewName, key: string, scope: ViewScope): boolean {
  if (view === 'nodes' || view === 'deviceclasses' || view === 'resourceslices') return scope[view];
  const parts = key.split('/');
  if (view === 'workloads') {
    const kind = parts[0] as WorkloadKind;
    const ns = scope.workloads[kind];
    return ns !== undefined && parts.length === 3 && allowsNamespace(ns, parts[1]!);
  }
  // pods, events, jobs, cronjobs, claims and templates: "namespace/name"; a key without a namespace is cluster-scoped.
  const namespace = parts.length === 2 ? parts[0]! : '';
  return allowsNamespace(scope[view], namespace);
}

/**
 * The part of a delta one user may see. The revision range is kept even when nothing is left, so
 * the browser's revision stays continuous and it does not refetch for a change it cannot see.
 */
export function filterDelta(delta: ViewDelta, scope: ViewScope): ViewDelta {
  return {
    ...delta,
    upserts: delta.upserts.filter((r) => rowVisible(delta.view, r, scope)),
    deletes: delta.deletes.filter((k) => keyVisible(delta.view, k, scope)),
  };
}
