/**
 * The kinds whose YAML the panel shows: the ones it has pages or rows for, each to its entry of
 * the resource table (lib/kube-resources.ts). Anything else is refused before a request is made.
 * Pure, shared by the route's input check and the browser.
 */
import { RESOURCES, type ResourceName } from '../kube-resources';

const YAML_KINDS = {
  Pod: 'pods',
  Node: 'nodes',
  Namespace: 'namespaces',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
  DeviceClass: 'deviceclasses',
  ResourceSlice: 'resourceslices',
  ResourceClaim: 'resourceclaims',
  ResourceClaimTemplate: 'resourceclaimtemplates',
} as const satisfies Record<string, ResourceName>;

/** A kind the YAML view serves, e.g. `Deployment`. */
export type YamlKind = keyof typeof YAML_KINDS;

/** The kinds the YAML view serves, for the route's enum. */
export const YAML_KIND_NAMES = Object.keys(YAML_KINDS) as [YamlKind, ...YamlKind[]];

/** Whether the YAML view serves `kind` (e.g. a deploy preview's object). */
export function isYamlKind(kind: string): kind is YamlKind {
  return Object.hasOwn(YAML_KINDS, kind);
}

/** The resource table's entry of a served kind. */
export function yamlResource(kind: YamlKind) {
  return RESOURCES[YAML_KINDS[kind]];
}
