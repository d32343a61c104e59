/**
 * The parts of the Dynamic Resource Allocation API (`resource.k8s.io/v1`, GA since 1.34) the GPU
 * model reads, as they arrive on the wire (JSON), and the pod fields that reference claims. Field
 * names follow the v1 API; everything the model does not read is left out.
 */
import type { KubeObject, Pod, PodSpec } from '../kube-types';

/** One typed attribute value: exactly one field is set (`version` is a semver string). */
export interface DeviceAttribute {
  string?: string;
  int?: number;
  bool?: boolean;
  version?: string;
}

/** A device's capacity entry: a quantity string ("80Gi"). */
export interface DeviceCapacity {
  value: string;
}

/**
 * One device of a ResourceSlice. Attribute and capacity names are qualified names; a name with no
 * domain belongs to the driver's own domain (`productName` is `gpu.nvidia.com/productName`).
 */
export interface Device {
  name: string;
  attributes?: Record<string, DeviceAttribute>;
  capacity?: Record<string, DeviceCapacity>;
  /** v1 also has taints, consumesCounters, bindsToNode...; the model reads only taints' presence. */
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'NoExecute' }[];
}

export interface ResourceSlice extends KubeObject {
  spec: {
    driver: string;
    pool: { name: string; generation: number; resourceSliceCount: number };
    /** Set for node-local devices; slices for network-attached devices use a selector instead. */
    nodeName?: string;
    allNodes?: boolean;
    devices?: Device[];
  };
}

/** One request of a claim (v1: `exactly` or a `firstAvailable` list of alternatives). */
export interface ExactDeviceRequest {
  deviceClassName: string;
  selectors?: { cel?: { expression: string } }[];
  allocationMode?: 'ExactCount' | 'All';
  count?: number;
  adminAccess?: boolean;
}
export interface DeviceRequest {
  name: string;
  exactly?: ExactDeviceRequest;
  firstAvailable?: (ExactDeviceRequest & { name: string })[];
}

/** One allocated device: the tuple (driver, pool, device) names it uniquely. */
export interface DeviceRequestAllocationResult {
  request: string;
  driver: string;
  pool: string;
  device: string;
  /** Admin access (monitoring) does not take the device away from others. */
  adminAccess?: boolean;
}

/** Who uses an allocated claim; the scheduler reserves it for each pod it places with the claim. */
export interface ResourceClaimConsumerReference {
  apiGroup?: string;
  resource: string;
  name: string;
  uid: string;
}

export interface ResourceClaim extends KubeObject {
  spec: { devices?: { requests?: DeviceRequest[] } };
  status?: {
    allocation?: {
      devices?: { results?: DeviceRequestAllocationResult[] };
      nodeSelector?: unknown;
    };
    reservedFor?: ResourceClaimConsumerReference[];
  };
}

export interface DeviceClass extends KubeObject {
  spec?: {
    selectors?: { cel?: { expression: string } }[];
    /** 1.34+: the extended resource name that this class also serves (alpha). */
    extendedResourceName?: string;
  };
}

/** `spec.resourceClaims[]` of a pod: a claim by name, or one generated from a template. */
export interface PodResourceClaim {
  name: string;
  resourceClaimName?: string;
  resourceClaimTemplateName?: string;
}

/** `status.resourceClaimStatuses[]`: the generated claim's name (absent when none was needed). */
export interface PodResourceClaimStatus {
  name: string;
  resourceClaimName?: string;
}

/** A pod as the GPU model reads it: core pod fields plus its claim references. */
export type GpuPod = Omit<Pod, 'spec' | 'status'> & {
  spec: PodSpec & { resourceClaims?: PodResourceClaim[] };
  status?: NonNullable<Pod['status']> & { resourceClaimStatuses?: PodResourceClaimStatus[] };
};
