/**
 * The rows the browser sees: compact projections of cached Kubernetes objects. The server keeps
 * full objects; pages get these, and the live stream sends them as deltas. Pure and shared.
 */
import { gpuResources, podGpuRequests, type GpuCounts } from './gpu';
import type { CronJobRow } from './batch/cronjob-row';
import type { JobRow } from './batch/job-row';
import type { DeviceClassRow, ResourceClaimRow, ResourceClaimTemplateRow, ResourceSliceRow } from './dra-rows';
import type { GpuPod, PodResourceClaim, PodResourceClaimStatus } from './gpu/dra-types';
import { podUnitRequests } from './gpu/pod-requests';
import { isGpuUnitResource } from './gpu/resource-names';
import type { WorkloadKind } from './kube-resources';
import type { Condition, KubeEvent, Node, ResourceList, Taint, Workload } from './kube-types';
import { podStatus } from './pod-status';
import { rolloutState, type RolloutState } from './rollout';

export type ViewName =
  | 'nodes'
  | 'pods'
  | 'workloads'
  | 'events'
  | 'jobs'
  | 'cronjobs'
  | 'deviceclasses'
  | 'resourceslices'
  | 'resourceclaims'
  | 'resourceclaimtemplates';

export type { CronJobRow, DeviceClassRow, JobRow, ResourceClaimRow, ResourceClaimTemplateRow, ResourceSliceRow };

export interface PodRow {
  key: string;
  namespace: string;
  name: string;
  uid: string;
  phase: string;
  /** The STATUS column of `kubectl get pods`. */
  status: string;
  readyContainers: number;
  totalContainers: number;
  restarts: number;
  nodeName: string | null;
  gpu: GpuCounts;
  /** Every GPU unit the pod requests (whole, MIG, shared; the model's `podUnitRequests`). */
  gpuUnits: Record<string, number>;
  /** `spec.resourceClaims` and `status.resourceClaimStatuses`: the DRA claims the pod uses. */
  resourceClaims: PodResourceClaim[];
  resourceClaimStatuses: PodResourceClaimStatus[];
  labels: Record<string, string>;
  owner: { kind: string; name: string } | null;
  createdAt: string | null;
  images: string[];
  containers: string[];
  podIP: string | null;
  /** The scheduler's message when the pod cannot be placed (PodScheduled=False). */
  schedulingMessage: string | null;
  terminating: boolean;
}

export interface NodeRow {
  key: string;
  name: string;
  uid: string;
  /** Ready condition: true, false, or null when unknown. */
  ready: boolean | null;
  status: string;
  unschedulable: boolean;
  roles: string[];
  labels: Record<string, string>;
  taints: Taint[];
  cpuAllocatable: string | null;
  memoryAllocatable: string | null;
  podsAllocatable: string | null;
  gpuCapacity: GpuCounts;
  gpuAllocatable: GpuCounts;
  /** Every GPU unit resource (whole, MIG, shared) of capacity and allocatable, as the node states it. */
  gpuUnitCapacity: ResourceList;
  gpuUnitAllocatable: ResourceList;
  gpuProduct: string | null;
  gpuMemoryMiB: number | null;
  conditions: Pick<Condition, 'type' | 'status' | 'reason' | 'message' | 'lastTransitionTime'>[];
  kubeletVersion: string | null;
  createdAt: string | null;
}

export interface WorkloadRow {
  key: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
  uid: string;
  desired: number;
  ready: number;
  updated: number;
  available: number;
  images: string[];
  selector: Record<string, string>;
  labels: Record<string, string>;
  /** Every GPU unit one pod of the template requests (whole, MIG, shared). */
  gpuPerPod: GpuCounts;
  nodeSelector: Record<string, string>;
  rollout: RolloutState;
  /** A Deployment's `spec.paused` (the rollout state shows it only once the controller has observed it). */
  paused: boolean;
  generation: number;
  observedGeneration: number;
  createdAt: string | null;
}

export interface EventRow {
  key: string;
  namespace: string;
  type: string;
  reason: string;
  message: string;
  involved: { kind: string; name: string; namespace: string };
  count: number;
  /** When the event was first seen (firstTimestamp, else eventTime or the object's creation). */
  firstSeen: string | null;
  lastSeen: string | null;
  source: string;
}

export type Row =
  | PodRow
  | NodeRow
  | WorkloadRow
  | EventRow
  | JobRow
  | CronJobRow
  | DeviceClassRow
  | ResourceSliceRow
  | ResourceClaimRow
  | ResourceClaimTemplateRow;

/**
 * A view as an API answer: the rows and the view revision they reflect. `epoch` names the server
 * process's cache; revisions only compare within one epoch (a restarted server starts at 0).
 */
export interface ViewList<T> {
  items: T[];
  revision: number;
  epoch: string;
}

/** A batch of changes to one view, collapsed to the final state of each changed key. */
export interface ViewDelta<T = Row> {
  view: ViewName;
  epoch: string;
  from: number;
  to: number;
  upserts: T[];
  deletes: string[];
}

export function objectKey(o: { metadata: { namespace?: string; name: string } }): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;
}

export function toPodRow(p: GpuPod): PodRow {
  const cs = p.status?.containerStatuses ?? [];
  const owner = p.metadata.ownerReferences?.find((o) => o.controller) ?? p.metadata.ownerReferences?.[0];
  const sched = p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False');
  return {
    key: objectKey(p),
    namespace: p.metadata.namespace ?? '',
    name: p.metadata.name,
    uid: p.metadata.uid,
    phase: p.status?.phase ?? 'Unknown',
    status: podStatus(p),
    readyContainers: cs.filter((c) => c.ready).length,
    totalContainers: p.spec.containers.length,
    restarts: cs.reduce((a, c) => a + c.restartCount, 0),
    nodeName: p.spec.nodeName ?? null,
    gpu: podGpuRequests(p),
    gpuUnits: { ...podUnitRequests(p) },
    resourceClaims:
      p.spec.resourceClaims?.map(({ name, resourceClaimName, resourceClaimTemplateName }) => ({
        name,
        resourceClaimName,
        resourceClaimTemplateName,
      })) ?? [],
    resourceClaimStatuses:
      p.status?.resourceClaimStatuses?.map(({ name, resourceClaimName }) => ({ name, resourceClaimName })) ?? [],
    labels: p.metadata.labels ?? {},
    owner: owner ? { kind: owner.kind, name: owner.name } : null,
    createdAt: p.metadata.creationTimestamp ?? null,
    images: p.spec.containers.map((c) => c.image ?? ''),
    containers: p.spec.containers.map((c) => c.name),
    podIP: p.status?.podIP ?? null,
    schedulingMessage: sched ? (sched.message ?? sched.reason ?? 'Unschedulable') : null,
    terminating: Boolean(p.metadata.deletionTimestamp),
  };
}

function gpuUnitEntries(list: ResourceList | undefined): ResourceList {
  const out: ResourceList = {};
  for (const k in list) if (isGpuUnitResource(k)) out[k] = list[k]!;
  return out;
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function toNodeRow(n: Node): NodeRow {
  const labels = n.metadata.labels ?? {};
  const readyCond = n.status?.conditions?.find((c) => c.type === 'Ready');
  const ready = readyCond ? (readyCond.status === 'True' ? true : readyCond.status === 'False' ? false : null) : null;
  const unschedulable = Boolean(n.spec?.unschedulable);
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith(ROLE_PREFIX))
    .map((k) => k.slice(ROLE_PREFIX.length) || labels[k] || '')
    .filter(Boolean);
  if (labels['kubernetes.io/role']) roles.push(labels['kubernetes.io/role']);
  const mem = Number(labels['nvidia.com/gpu.memory']);
  const base = ready === true ? 'Ready' : ready === false ? 'NotReady' : 'Unknown';
  return {
    key: n.metadata.name,
    name: n.metadata.name,
    uid: n.metadata.uid,
    ready,
    status: unschedulable ? `${base},SchedulingDisabled` : base,
    unschedulable,
    roles: [...new Set(roles)].sort(),
    labels,
    taints: n.spec?.taints ?? [],
    cpuAllocatable: n.status?.allocatable?.cpu ?? null,
    memoryAllocatable: n.status?.allocatable?.memory ?? null,
    podsAllocatable: n.status?.allocatable?.pods ?? null,
    gpuCapacity: gpuResources(n.status?.capacity),
    gpuAllocatable: gpuResources(n.status?.allocatable),
    gpuUnitCapacity: gpuUnitEntries(n.status?.capacity),
    gpuUnitAllocatable: gpuUnitEntries(n.status?.allocatable),
    gpuProduct: labels['nvidia.com/gpu.product'] ?? null,
    gpuMemoryMiB: Number.isFinite(mem) && mem > 0 ? mem : null,
    conditions: (n.status?.conditions ?? []).map(({ type, status, reason, message, lastTransitionTime }) => ({
      type,
      status,
      reason,
      message,
      lastTransitionTime,
    })),
    kubeletVersion: n.status?.nodeInfo?.kubeletVersion ?? null,
    createdAt: n.metadata.creationTimestamp ?? null,
  };
}

export function toWorkloadRow(kind: WorkloadKind, w: Workload): WorkloadRow {
  const s = w.status ?? {};
  const isDs = kind === 'DaemonSet';
  const template = w.spec?.template;
  return {
    key: `${kind}/${objectKey(w)}`,
    kind,
    namespace: w.metadata.namespace ?? '',
    name: w.metadata.name,
    uid: w.metadata.uid,
    desired: isDs ? (s.desiredNumberScheduled ?? 0) : (w.spec?.replicas ?? 1),
    ready: isDs ? (s.numberReady ?? 0) : (s.readyReplicas ?? 0),
    updated: isDs ? (s.updatedNumberScheduled ?? 0) : (s.updatedReplicas ?? 0),
    available: isDs ? (s.numberAvailable ?? 0) : (s.availableReplicas ?? 0),
    images: template?.spec.containers.map((c) => c.image ?? '') ?? [],
    selector: w.spec?.selector?.matchLabels ?? {},
    labels: w.metadata.labels ?? {},
    gpuPerPod: template ? { ...podUnitRequests({ spec: template.spec }) } : {},
    nodeSelector: template?.spec.nodeSelector ?? {},
    rollout: rolloutState(kind, w),
    paused: Boolean(w.spec?.paused),
    generation: w.metadata.generation ?? 0,
    observedGeneration: s.observedGeneration ?? 0,
    createdAt: w.metadata.creationTimestamp ?? null,
  };
}

export function toEventRow(e: KubeEvent): EventRow {
  const inv = e.involvedObject ?? e.regarding ?? {};
  return {
    key: objectKey(e),
    namespace: e.metadata.namespace ?? '',
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? e.note ?? '',
    involved: { kind: inv.kind ?? '', name: inv.name ?? '', namespace: inv.namespace ?? '' },
    count: e.count ?? 1,
    firstSeen: e.firstTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp ?? null,
    lastSeen: e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? null,
    source: e.source?.component ?? e.reportingComponent ?? '',
  };
}
