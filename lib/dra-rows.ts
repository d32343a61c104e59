/**
 * Browser rows of the Dynamic Resource Allocation kinds (resource.k8s.io/v1): what the GPU model
 * and the pages read of DeviceClasses, ResourceSlices, ResourceClaims and ResourceClaimTemplates,
 * projected from the cached objects like every other view (lib/views.ts). Fields keep the API's
 * names and shapes where the model reads them, so the adapter (lib/gpu/from-rows.ts) only wraps.
 */
import type {
  Device,
  DeviceClass,
  DeviceRequest,
  DeviceRequestAllocationResult,
  ResourceClaim,
  ResourceClaimConsumerReference,
  ResourceSlice,
} from './gpu/dra-types';
import type { KubeObject } from './kube-types';

const key = (o: KubeObject) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name);

export interface DeviceClassRow {
  key: string;
  name: string;
  uid: string;
  selectors: { cel?: { expression: string } }[];
  extendedResourceName: string | null;
  createdAt: string | null;
}

export interface ResourceSliceRow {
  key: string;
  name: string;
  uid: string;
  driver: string;
  pool: { name: string; generation: number; resourceSliceCount: number };
  nodeName: string | null;
  allNodes: boolean;
  /** The devices as published: name, attributes, capacity, taints. */
  devices: Device[];
  createdAt: string | null;
}

export interface ResourceClaimRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  requests: DeviceRequest[];
  /** `status.allocation`, or null while the claim is pending. */
  allocation: { results: DeviceRequestAllocationResult[] } | null;
  reservedFor: ResourceClaimConsumerReference[];
  /** The pod claim name of a claim generated from a template (annotation `resource.kubernetes.io/pod-claim-name`). */
  podClaimName: string | null;
  owner: { kind: string; name: string } | null;
  deleting: boolean;
  createdAt: string | null;
}

export interface ResourceClaimTemplateRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  requests: DeviceRequest[];
  createdAt: string | null;
}

export interface ResourceClaimTemplate extends KubeObject {
  spec?: { spec?: { devices?: { requests?: DeviceRequest[] } } };
}

export function toDeviceClassRow(d: DeviceClass): DeviceClassRow {
  return {
    key: key(d),
    name: d.metadata.name,
    uid: d.metadata.uid,
    selectors: d.spec?.selectors ?? [],
    extendedResourceName: d.spec?.extendedResourceName ?? null,
    createdAt: d.metadata.creationTimestamp ?? null,
  };
}

export function toResourceSliceRow(s: ResourceSlice): ResourceSliceRow {
  return {
    key: key(s),
    name: s.metadata.name,
    uid: s.metadata.uid,
    driver: s.spec.driver,
    pool: {
      name: s.spec.pool.name,
      generation: s.spec.pool.generation,
      resourceSliceCount: s.spec.pool.resourceSliceCount,
    },
    nodeName: s.spec.nodeName ?? null,
    allNodes: Boolean(s.spec.allNodes),
    devices: (s.spec.devices ?? []).map(({ name, attributes, capacity, taints }) => ({
      name,
      ...(attributes ? { attributes } : {}),
      ...(capacity ? { capacity } : {}),
      ...(taints?.length ? { taints: taints.map(({ key: k, value, effect }) => ({ key: k, value, effect })) } : {}),
    })),
    createdAt: s.metadata.creationTimestamp ?? null,
  };
}

export function toResourceClaimRow(c: ResourceClaim): ResourceClaimRow {
  const owner = c.metadata.ownerReferences?.find((o) => o.controller) ?? c.metadata.ownerReferences?.[0];
  const allocation = c.status?.allocation;
  return {
    key: key(c),
    namespace: c.metadata.namespace ?? '',
    name: c.metadata.name,
    uid: c.metadata.uid,
    requests: c.spec.devices?.requests ?? [],
    allocation: allocation ? { results: allocation.devices?.results ?? [] } : null,
    reservedFor: c.status?.reservedFor ?? [],
    podClaimName: c.metadata.annotations?.['resource.kubernetes.io/pod-claim-name'] ?? null,
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
    deleting: Boolean(c.metadata.deletionTimestamp),
    createdAt: c.metadata.creationTimestamp ?? null,
  };
}

export function toResourceClaimTemplateRow(t: ResourceClaimTemplate): ResourceClaimTemplateRow {
  return {
    key: key(t),
    namespace: t.metadata.namespace ?? '',
    name: t.metadata.name,
    uid: t.metadata.uid,
    requests: t.spec?.spec?.devices?.requests ?? [],
    createdAt: t.metadata.creationTimestamp ?? null,
  };
}
