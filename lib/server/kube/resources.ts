/** The resources the shared watch cache mirrors, with the API paths to list and watch them. */
export type CachedResource = 'nodes' | 'pods' | 'deployments' | 'statefulsets' | 'daemonsets' | 'replicasets' | 'events';

export interface ResourceDef {
  name: CachedResource;
  kind: string;
  /** Cluster-wide collection path. */
  path: string;
}

export const RESOURCES: readonly ResourceDef[] = [
  { name: 'nodes', kind: 'Node', path: '/api/v1/nodes' },
  { name: 'pods', kind: 'Pod', path: '/api/v1/pods' },
  { name: 'deployments', kind: 'Deployment', path: '/apis/apps/v1/deployments' },
  { name: 'statefulsets', kind: 'StatefulSet', path: '/apis/apps/v1/statefulsets' },
  { name: 'daemonsets', kind: 'DaemonSet', path: '/apis/apps/v1/daemonsets' },
  { name: 'replicasets', kind: 'ReplicaSet', path: '/apis/apps/v1/replicasets' },
  { name: 'events', kind: 'Event', path: '/api/v1/events' },
];
