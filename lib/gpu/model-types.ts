/**
 * The shapes of the GPU model: physical GPUs, the schedulable units on them, and per-node numbers.
 * Shared by server and browser; built to render a GPU map cheaply (every node a row of GPUs, every
 * GPU a cell whose segments `gpuSegments` derives) and to fill the Nodes page's columns as they are.
 */
import type { Taint } from '../kube-types';

export interface PodRef {
  namespace: string;
  name: string;
}
export interface ClaimRef {
  namespace: string;
  name: string;
}

/** Who holds a unit: a pod (device plugin), or a claim and the pod(s) it is reserved for (DRA). */
export interface Holder {
  pod: PodRef | null;
  claim: ClaimRef | null;
}

/** whole: a whole GPU; mig: a MIG slice; share: one time-slicing/MPS replica of a GPU or slice. */
export type UnitKind = 'whole' | 'mig' | 'share';
/** device-plugin: an extended resource on the node; dra: a device in a ResourceSlice. */
export type UnitSource = 'device-plugin' | 'dra';
/**
 * free: can be given out now; allocated: held; blocked: not held itself but unusable because a
 * part or the whole of the same GPU is (DRA); unavailable: capacity the node does not offer
 * (capacity above allocatable, e.g. an unhealthy device, or a tainted DRA device).
 */
export type UnitState = 'free' | 'allocated' | 'blocked' | 'unavailable';

export interface DraDeviceRef {
  driver: string;
  pool: string;
  device: string;
}

/** One schedulable unit: a count of one of a resource, or one DRA device. */
export interface GpuUnit {
  /** Unique within the node. */
  id: string;
  kind: UnitKind;
  source: UnitSource;
  /** The extended resource a pod requests (device plugin), or the DRA driver name. */
  resource: string;
  /** The DRA device, for source 'dra'. */
  device: DraDeviceRef | null;
  /** MIG profile (`1g.10gb`) of a slice, or of the slice a share belongs to. */
  profile: string | null;
  memoryBytes: number | null;
  /**
   * MIG slices and their shares: the memory slices taken (may be fractional for shares). Exact for
   * DRA devices; for the device plugin, where the slices were packed to draw them.
   */
  placement: { start: number; size: number } | null;
  /** DRA devices: their attributes (driver domain stripped), for class and attribute matching. */
  attributes: Record<string, string | number | boolean> | null;
  state: UnitState;
  holders: readonly Holder[];
}

/** Something to draw in a GPU cell (see `gpuSegments`): `start` and `size` are in the GPU's `slots`. */
export interface GpuSegment {
  start: number;
  size: number;
  /** The unit drawn, or null for an empty stretch of a MIG-split GPU. */
  unitId: string | null;
  kind: UnitKind | 'empty';
  /** Short text for the cell: `1g.10gb`, `share 3/4`, `H100`. */
  label: string;
  state: UnitState;
  holders: readonly Holder[];
}

export type GpuLayout = 'whole' | 'mig' | 'shared';
export type SharingStrategy = 'time-slicing' | 'mps';

export interface PhysicalGpu {
  /** Unique within the node: `gpu-0` (device plugin, per vendor) or `driver/pool/device` (DRA). */
  id: string;
  source: UnitSource;
  /** `nvidia.com`, `amd.com`, `gpu.intel.com`, or the DRA driver. */
  vendor: string;
  /** The model (`NVIDIA-H100-80GB-HBM3`), without MIG or SHARED suffixes; null when unknown. */
  product: string | null;
  memoryBytes: number | null;
  uuid: string | null;
  layout: GpuLayout;
  sharing: SharingStrategy | null;
  /** Width of the cell: 1 for a whole GPU, the replicas for shares, memory slices for MIG. */
  slots: number;
  units: GpuUnit[];
  /** free: every unit free; full: none free; partial: some. */
  state: 'free' | 'partial' | 'full';
  /**
   * True when units and holders are where they really are (DRA). The device plugin tells the API
   * only counts, so its holders are drawn on units in order and its MIG layout is packed.
   */
  exact: boolean;
}

/** The numbers of one kind of unit on a node: what the Nodes page shows per resource. */
export interface UnitSummary {
  /** The resource name (device plugin) or `<driver>:gpu` / `<driver>:mig-<profile>` (DRA). */
  key: string;
  kind: UnitKind;
  source: UnitSource;
  resource: string;
  profile: string | null;
  product: string | null;
  capacity: number;
  allocatable: number;
  /** Requested by bound pods (device plugin) or allocated to claims (DRA); may exceed allocatable. */
  requested: number;
  /** min(requested, allocatable) plus blocked units: never above allocatable. */
  used: number;
  /** allocatable - used: never negative. */
  free: number;
  /** Part of `used` that no one holds but that a held neighbour makes unusable (DRA). */
  blocked: number;
  /** requested - allocatable when positive (the node lost devices under running pods). */
  overcommitted: number;
  holders: { holder: Holder; count: number }[];
}

export type MigStrategy = 'none' | 'single' | 'mixed';

/** The physical GPUs of a node, counted once whatever units they are cut into. */
export interface PhysicalCount {
  total: number;
  /** GPUs of which no unit is held. */
  free: number;
  byProduct: Record<string, number>;
  /** True when a count was inferred (single-strategy MIG, shares without a count label). */
  estimated: boolean;
}

export interface NodeGpuModel {
  node: string;
  ready: boolean | null;
  unschedulable: boolean;
  labels: Record<string, string>;
  taints: Taint[];
  migStrategy: MigStrategy | null;
  sharing: SharingStrategy | null;
  physical: PhysicalCount;
  gpus: PhysicalGpu[];
  summaries: UnitSummary[];
  /** Claims whose devices are on this node. */
  claims: ClaimRef[];
  /** Things the model could not reconcile (a pool with slices missing, labels that disagree). */
  warnings: string[];
}

export type ClaimState = 'reserved' | 'unreserved' | 'pending';

export interface ClaimInfo {
  claim: ClaimRef;
  state: ClaimState;
  node: string | null;
  devices: (DraDeviceRef & { request: string })[];
  /** Pods the claim is reserved for (reserved) or that reference it (pending, unreserved). */
  pods: PodRef[];
  /** Why it is pending or unreserved; null when reserved. */
  reason: string | null;
}

/** A pod that wants GPU units or claims and is not placed yet, with the scheduler's reason. */
export interface PendingGpuPod {
  pod: PodRef;
  requests: Record<string, number>;
  claims: ClaimRef[];
  reason: string | null;
  createdAt: string | null;
}

/** What one bound pod holds: counts per resource and its claims' devices. */
export interface PodGpuHolding {
  pod: PodRef;
  node: string;
  requests: Record<string, number>;
  claims: { claim: ClaimRef; devices: DraDeviceRef[] }[];
}

export interface GpuClusterModel {
  nodes: NodeGpuModel[];
  pendingPods: PendingGpuPod[];
  /** Allocated claims reserved for no pod, and claims not allocated yet. */
  unreservedClaims: ClaimInfo[];
  pendingClaims: ClaimInfo[];
  /** Keyed `namespace/name`, only for pods that hold GPU units or claims. */
  holdings: Map<string, PodGpuHolding>;
}
