/**
 * The namespaces a user may read and what they may list in each, as `GET /api/namespaces`
 * answers and the namespace pickers offer them. Pure: the user's scope (decided by Kubernetes
 * access reviews on the server) and the names of the namespaces that exist in, the answer out.
 */
import type { WorkloadKind } from './kube-resources';
import { allowsNamespace, type NamespaceScope, type ViewScope } from './view-scope';

/** The namespaced resources the panel lists, by their kubectl names. */
export const NAMESPACED_LISTS = [
  'pods',
  'events',
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
  'resourceclaims',
  'resourceclaimtemplates',
] as const;
export type NamespacedList = (typeof NAMESPACED_LISTS)[number];

/** The workload resources, for a picker of namespaces with workloads to list. */
export const WORKLOAD_LISTS = [
  'deployments',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
] as const satisfies readonly NamespacedList[];

/** One namespace the user may read: what they may `list` there (never empty). */
export interface NamespaceAccess {
  name: string;
  list: NamespacedList[];
}

/** The body of `GET /api/namespaces`. */
export interface NamespacesAnswer {
  items: NamespaceAccess[];
}

const KIND_OF: Record<'deployments' | 'statefulsets' | 'daemonsets', WorkloadKind> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
};

function scopeOf(scope: ViewScope, r: NamespacedList): NamespaceScope {
  switch (r) {
    case 'pods':
    case 'events':
    case 'jobs':
    case 'cronjobs':
    case 'resourceclaims':
    case 'resourceclaimtemplates':
      return scope[r];
    case 'deployments':
    case 'statefulsets':
    case 'daemonsets':
      return scope.workloads[KIND_OF[r]];
  }
}

/**
 * The namespaces, among `names`, in which the scope lets the user list at least one resource,
 * sorted by name, each with the resources it lets them list (in NAMESPACED_LISTS order).
 */
export function namespaceAccess(names: Iterable<string>, scope: ViewScope): NamespaceAccess[] {
  const out: NamespaceAccess[] = [];
  for (const name of [...new Set(names)].sort()) {
    const list = NAMESPACED_LISTS.filter((r) => allowsNamespace(scopeOf(scope, r), name));
    if (list.length > 0) out.push({ name, list });
  }
  return out;
}

/** The names of the namespaces where the user may list any of `wanted` (all namespaces with no `wanted`). */
export function namespacesListing(items: readonly NamespaceAccess[], wanted?: readonly NamespacedList[]): string[] {
  return items.filter((n) => !wanted || n.list.some((r) => wanted.includes(r))).map((n) => n.name);
}
