/**
 * The one table of the Kubernetes resources the panel touches: kind, plural (the URL segment),
 * API group/version, and whether objects live in a namespace. The watch cache, the deploy engine,
 * the deploy gates, the projections and the routes all read it; a new resource is one entry.
 * Pure (no I/O), so server and browser share it. A fixed table instead of API discovery: the
 * panel only touches what it knows, and an unknown kind is a bug to catch in tests.
 */

export interface ResourceType {
  readonly kind: string;
  /** The URL segment (`kubectl get <plural>`). */
  readonly plural: string;
  /** The API group; '' is the core group (`/api/v1`). */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  /**
   * The group may be missing from a cluster (it is served only where a feature is switched on,
   * as resource.k8s.io for Dynamic Resource Allocation): its absence is a fact, not a failure.
   */
  readonly optional?: boolean;
  /** Mirrored by the server's watch cache (lib/server/kube/cluster-cache.ts); an optional group is mirrored where served. */
  readonly cached?: boolean;
  /** A controller of pods whose rollout the panel shows and drives. */
  readonly workload?: boolean;
}

const core = <const K extends string, const P extends string>(kind: K, plural: P, namespaced: boolean) =>
  ({ kind, plural, group: '', version: 'v1', namespaced }) as const;
const apps = <const K extends string, const P extends string>(kind: K, plural: P) =>
  ({ kind, plural, group: 'apps', version: 'v1', namespaced: true }) as const;
const rbac = <const K extends string, const P extends string>(kind: K, plural: P, namespaced: boolean) =>
  ({ kind, plural, group: 'rbac.authorization.k8s.io', version: 'v1', namespaced }) as const;
const dra = <const K extends string, const P extends string>(kind: K, plural: P, namespaced: boolean) =>
  ({ kind, plural, group: 'resource.k8s.io', version: 'v1', namespaced, optional: true }) as const;

/** Keyed by the resource's kubectl name (the plural, qualified by the group where it is ambiguous). */
export const RESOURCES = {
  nodes: { ...core('Node', 'nodes', false), cached: true },
  pods: { ...core('Pod', 'pods', true), cached: true },
  deployments: { ...apps('Deployment', 'deployments'), cached: true, workload: true },
  statefulsets: { ...apps('StatefulSet', 'statefulsets'), cached: true, workload: true },
  daemonsets: { ...apps('DaemonSet', 'daemonsets'), cached: true, workload: true },
  replicasets: { ...apps('ReplicaSet', 'replicasets'), cached: true },
  events: { ...core('Event', 'events', true), cached: true },
  controllerrevisions: apps('ControllerRevision', 'controllerrevisions'),
  // Cached so that a user bound in an empty namespace can be offered it (view-access.ts).
  namespaces: { ...core('Namespace', 'namespaces', false), cached: true },
  secrets: core('Secret', 'secrets', true),
  configmaps: core('ConfigMap', 'configmaps', true),
  services: core('Service', 'services', true),
  serviceaccounts: core('ServiceAccount', 'serviceaccounts', true),
  persistentvolumeclaims: core('PersistentVolumeClaim', 'persistentvolumeclaims', true),
  clusterroles: rbac('ClusterRole', 'clusterroles', false),
  clusterrolebindings: rbac('ClusterRoleBinding', 'clusterrolebindings', false),
  roles: rbac('Role', 'roles', true),
  rolebindings: rbac('RoleBinding', 'rolebindings', true),
  ingresses: { kind: 'Ingress', plural: 'ingresses', group: 'networking.k8s.io', version: 'v1', namespaced: true },
  networkpolicies: {
    kind: 'NetworkPolicy',
    plural: 'networkpolicies',
    group: 'networking.k8s.io',
    version: 'v1',
    namespaced: true,
  },
  jobs: { kind: 'Job', plural: 'jobs', group: 'batch', version: 'v1', namespaced: true, cached: true },
  cronjobs: { kind: 'CronJob', plural: 'cronjobs', group: 'batch', version: 'v1', namespaced: true, cached: true },
  poddisruptionbudgets: {
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    group: 'policy',
    version: 'v1',
    namespaced: true,
  },
  'events.events.k8s.io': { kind: 'Event', plural: 'events', group: 'events.k8s.io', version: 'v1', namespaced: true },
  selfsubjectaccessreviews: {
    kind: 'SelfSubjectAccessReview',
    plural: 'selfsubjectaccessreviews',
    group: 'authorization.k8s.io',
    version: 'v1',
    namespaced: false,
  },
  selfsubjectreviews: {
    kind: 'SelfSubjectReview',
    plural: 'selfsubjectreviews',
    group: 'authentication.k8s.io',
    version: 'v1',
    namespaced: false,
  },
  deviceclasses: { ...dra('DeviceClass', 'deviceclasses', false), cached: true },
  resourceslices: { ...dra('ResourceSlice', 'resourceslices', false), cached: true },
  resourceclaims: { ...dra('ResourceClaim', 'resourceclaims', true), cached: true },
  resourceclaimtemplates: { ...dra('ResourceClaimTemplate', 'resourceclaimtemplates', true), cached: true },
} as const satisfies Record<string, ResourceType>;

type Table = typeof RESOURCES;
export type ResourceName = keyof Table;
/** The resources the watch cache mirrors. */
export type CachedResource = { [K in ResourceName]: Table[K] extends { cached: true } ? K : never }[ResourceName];
/** The workload resources (URL segments), e.g. `deployments`. */
export type WorkloadResource = { [K in ResourceName]: Table[K] extends { workload: true } ? K : never }[ResourceName];
export type WorkloadKind = Table[WorkloadResource]['kind'];

const names = Object.keys(RESOURCES) as ResourceName[];

/** The cached resources, in table order. */
export const CACHED_RESOURCES = names.filter((n): n is CachedResource => 'cached' in RESOURCES[n]);

/** The workload resource (URL segment) of each workload kind. */
export const WORKLOAD_RESOURCES = Object.fromEntries(
  names.filter((n): n is WorkloadResource => 'workload' in RESOURCES[n]).map((n) => [RESOURCES[n].kind, n]),
) as Record<WorkloadKind, WorkloadResource>;

/** The workload kind of each workload resource. */
export const WORKLOAD_KIND_OF = Object.fromEntries(
  Object.entries(WORKLOAD_RESOURCES).map(([kind, resource]) => [resource, kind]),
) as Record<WorkloadResource, WorkloadKind>;

export function isWorkloadKind(kind: string): kind is WorkloadKind {
  return Object.hasOwn(WORKLOAD_RESOURCES, kind);
}

export function isWorkloadResource(resource: string): resource is WorkloadResource {
  return Object.hasOwn(WORKLOAD_KIND_OF, resource);
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(t: ResourceType): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/** The resource of an object by its apiVersion and kind, or undefined when the table lacks it. */
export function resourceOf(apiVersion: string, kind: string): ResourceType | undefined {
  return Object.values<ResourceType>(RESOURCES).find((t) => t.kind === kind && apiVersionOf(t) === apiVersion);
}

/** `/api/v1` or `/apis/<group>/<version>`: where the resource's URLs start. */
export function apiPrefix(t: ResourceType): string {
  return t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
}
