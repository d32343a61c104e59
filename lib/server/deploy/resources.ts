import 'server-only';
import type { KubeObj } from '../../deploy/transform';

/**
 * The REST path of each kind the bundle contains. A fixed table instead of API discovery: the
 * bundle is ours, and an unknown kind is a bundle bug to catch in tests, not at deploy time.
 */
const KINDS: Record<string, { plural: string; namespaced: boolean }> = {
  Namespace: { plural: 'namespaces', namespaced: false },
  Secret: { plural: 'secrets', namespaced: true },
  ConfigMap: { plural: 'configmaps', namespaced: true },
  Service: { plural: 'services', namespaced: true },
  ServiceAccount: { plural: 'serviceaccounts', namespaced: true },
  PersistentVolumeClaim: { plural: 'persistentvolumeclaims', namespaced: true },
  Deployment: { plural: 'deployments', namespaced: true },
  StatefulSet: { plural: 'statefulsets', namespaced: true },
  DaemonSet: { plural: 'daemonsets', namespaced: true },
  ClusterRole: { plural: 'clusterroles', namespaced: false },
  ClusterRoleBinding: { plural: 'clusterrolebindings', namespaced: false },
  Role: { plural: 'roles', namespaced: true },
  RoleBinding: { plural: 'rolebindings', namespaced: true },
  Ingress: { plural: 'ingresses', namespaced: true },
  NetworkPolicy: { plural: 'networkpolicies', namespaced: true },
};

export function isKnownKind(kind: string): boolean {
  return kind in KINDS;
}

/** e.g. /apis/apps/v1/namespaces/imagepod/deployments/imagepod-api */
export function objectPath(o: Pick<KubeObj, 'apiVersion' | 'kind' | 'metadata'>, withName = true): string {
  const k = KINDS[o.kind];
  if (!k) throw new Error(`the deploy engine does not know kind ${o.kind}`);
  const base = o.apiVersion.includes('/') ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  const ns = k.namespaced ? `/namespaces/${o.metadata.namespace ?? 'default'}` : '';
  return `${base}${ns}/${k.plural}${withName ? `/${o.metadata.name}` : ''}`;
}
