/**
 * The pod page's projection of one cached Pod: what the pods view's row leaves out (each
 * container's state, last termination, requests/limits, ports and probes; init and sidecar
 * containers; volumes; conditions), and the pod's owner chain up to its workload. Pure: the
 * server computes it from the watch cache's raw object, so a page view asks the API server nothing.
 */
import { isGpuUnitResource } from './gpu/resource-names';
import type { GpuPod } from './gpu/dra-types';
import { isWorkloadKind, type WorkloadKind } from './kube-resources';
import type { Condition, Container, ContainerStatus, KubeObject, ResourceList } from './kube-types';

/** The parts of a probe the page shows; the rest (thresholds) as numbers. */
interface ProbeWire {
  httpGet?: { path?: string; port?: number | string; scheme?: string };
  tcpSocket?: { port?: number | string };
  grpc?: { port?: number; service?: string };
  exec?: { command?: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}

type StateWire = NonNullable<ContainerStatus['state']> & {
  terminated?: { reason?: string; exitCode?: number; signal?: number; message?: string; finishedAt?: string };
};

/** A container as it arrives on the wire, with the fields only this page reads. */
type ContainerWire = Container & {
  restartPolicy?: string;
  command?: string[];
  args?: string[];
  resources?: Container['resources'] & { claims?: { name: string; request?: string }[] };
  livenessProbe?: ProbeWire;
  readinessProbe?: ProbeWire;
  startupProbe?: ProbeWire;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean; subPath?: string }[];
};

type StatusWire = ContainerStatus & { state?: StateWire; lastState?: StateWire; started?: boolean };

interface VolumeWire {
  name: string;
  [source: string]: unknown;
}

/** The pod as the watch cache keeps it, with the fields only this page reads. */
export type PodWire = Omit<GpuPod, 'spec' | 'status'> & {
  spec: Omit<GpuPod['spec'], 'containers' | 'initContainers'> & {
    containers: ContainerWire[];
    initContainers?: ContainerWire[];
    volumes?: VolumeWire[];
    serviceAccountName?: string;
    priorityClassName?: string;
    schedulerName?: string;
    restartPolicy?: string;
  };
  status?: Omit<NonNullable<GpuPod['status']>, 'containerStatuses' | 'initContainerStatuses'> & {
    containerStatuses?: StatusWire[];
    initContainerStatuses?: StatusWire[];
    qosClass?: string;
    hostIP?: string;
    nominatedNodeName?: string;
  };
};

/** A container's state, in words: `Running`, `Waiting: CrashLoopBackOff`, `Terminated: Error (exit 1)`. */
export interface ContainerState {
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  reason: string | null;
  message: string | null;
  exitCode: number | null;
  signal: number | null;
  /** startedAt while running, finishedAt once terminated. */
  at: string | null;
}

export interface ProbeInfo {
  kind: 'liveness' | 'readiness' | 'startup';
  /** `GET http://:8080/healthz`, `TCP :5432`, `gRPC :9090`, `exec pg_isready -U app`. */
  action: string;
  /** `delay 5s · every 10s · timeout 1s · 3 failures`. */
  timing: string;
}

export interface ContainerDetail {
  name: string;
  /** Regular, init (runs to completion before the others), or sidecar (an init container that keeps running). */
  role: 'container' | 'init' | 'sidecar';
  image: string;
  /** The image the runtime resolved (with digest), when it says. */
  imageID: string | null;
  command: string[];
  ready: boolean;
  started: boolean | null;
  restarts: number;
  state: ContainerState;
  /** The previous run's end (`lastState.terminated`), null when it has not restarted. */
  lastTermination: ContainerState | null;
  requests: ResourceList;
  limits: ResourceList;
  /** The request and limit entries that are GPU units (whole, MIG, shares), as the GPU model counts them. */
  gpuResources: string[];
  /** The pod's DRA claims this container uses (`resources.claims[].name`). */
  claims: string[];
  ports: { containerPort: number; name: string | null; protocol: string }[];
  probes: ProbeInfo[];
  mounts: { name: string; mountPath: string; readOnly: boolean }[];
}

export interface VolumeDetail {
  name: string;
  /** The source type: `persistentVolumeClaim`, `configMap`, `secret`, `emptyDir`, `projected`, … */
  type: string;
  /** What it points at (the claim, config map or secret name), when it names one. */
  source: string | null;
}

/** One step of the chain of controllers above a pod (nearest first). */
export interface OwnerLink {
  kind: string;
  name: string;
  /** The workload page it links to, when it is one the panel shows. */
  workload: WorkloadKind | null;
}

export interface PodDetail {
  namespace: string;
  name: string;
  uid: string;
  phase: string;
  /** `status.reason` / `status.message` (Evicted, DeadlineExceeded, …). */
  reason: string | null;
  message: string | null;
  nodeName: string | null;
  nominatedNodeName: string | null;
  hostIP: string | null;
  podIP: string | null;
  qosClass: string | null;
  serviceAccount: string | null;
  priorityClassName: string | null;
  restartPolicy: string | null;
  startTime: string | null;
  deletionTimestamp: string | null;
  annotations: Record<string, string>;
  conditions: Pick<Condition, 'type' | 'status' | 'reason' | 'message' | 'lastTransitionTime'>[];
  containers: ContainerDetail[];
  volumes: VolumeDetail[];
  nodeSelector: Record<string, string>;
  tolerations: NonNullable<GpuPod['spec']['tolerations']>;
}

function stateOf(s: StateWire | undefined): ContainerState {
  const blank = { reason: null, message: null, exitCode: null, signal: null, at: null };
  if (s?.running) return { ...blank, state: 'running', at: s.running.startedAt ?? null };
  if (s?.terminated)
    return {
      state: 'terminated',
      reason: s.terminated.reason ?? null,
      message: s.terminated.message ?? null,
      exitCode: s.terminated.exitCode ?? null,
      signal: s.terminated.signal ?? null,
      at: s.terminated.finishedAt ?? null,
    };
  if (s?.waiting)
    return { ...blank, state: 'waiting', reason: s.waiting.reason ?? null, message: s.waiting.message ?? null };
  return { ...blank, state: 'unknown' };
}

const port = (p: number | string | undefined) => (p === undefined ? '' : `:${p}`);

function probeAction(p: ProbeWire): string {
  if (p.httpGet)
    return `GET ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://${port(p.httpGet.port)}${p.httpGet.path ?? '/'}`;
  if (p.tcpSocket) return `TCP ${port(p.tcpSocket.port)}`;
  if (p.grpc) return `gRPC ${port(p.grpc.port)}${p.grpc.service ? ` ${p.grpc.service}` : ''}`;
  if (p.exec) return `exec ${(p.exec.command ?? []).join(' ')}`;
  return 'unknown';
}

function probeTiming(p: ProbeWire): string {
  // Kubernetes' defaults where the spec leaves a field out.
  return [
    `delay ${p.initialDelaySeconds ?? 0}s`,
    `every ${p.periodSeconds ?? 10}s`,
    `timeout ${p.timeoutSeconds ?? 1}s`,
    `${p.failureThreshold ?? 3} failures`,
  ].join(' · ');
}

function probes(c: ContainerWire): ProbeInfo[] {
  const out: ProbeInfo[] = [];
  for (const [kind, p] of [
    ['startup', c.startupProbe],
    ['liveness', c.livenessProbe],
    ['readiness', c.readinessProbe],
  ] as const)
    if (p) out.push({ kind, action: probeAction(p), timing: probeTiming(p) });
  return out;
}

function containerDetail(c: ContainerWire, role: ContainerDetail['role'], s: StatusWire | undefined): ContainerDetail {
  const requests = c.resources?.requests ?? {};
  const limits = c.resources?.limits ?? {};
  const last = s?.lastState?.terminated ? stateOf(s.lastState) : null;
  return {
    name: c.name,
    role,
    image: c.image ?? '',
    imageID: (s as { imageID?: string } | undefined)?.imageID || null,
    command: [...(c.command ?? []), ...(c.args ?? [])],
    ready: s?.ready ?? false,
    started: s?.started ?? null,
    restarts: s?.restartCount ?? 0,
    state: stateOf(s?.state),
    lastTermination: last,
    requests,
    limits,
    gpuResources: [...new Set([...Object.keys(requests), ...Object.keys(limits)])].filter(isGpuUnitResource).sort(),
    claims: (c.resources?.claims ?? []).map((x) => (x.request ? `${x.name}/${x.request}` : x.name)),
    ports: (c.ports ?? []).map((p) => ({
      containerPort: p.containerPort,
      name: p.name ?? null,
      protocol: p.protocol ?? 'TCP',
    })),
    probes: probes(c),
    mounts: (c.volumeMounts ?? []).map((m) => ({
      name: m.name,
      mountPath: m.mountPath,
      readOnly: Boolean(m.readOnly),
    })),
  };
}

/** The name a volume source points at, by the source types that name one. */
function volumeSource(type: string, v: unknown): string | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const name = type === 'persistentVolumeClaim' ? o.claimName : type === 'secret' ? o.secretName : o.name;
  if (typeof name === 'string') return name;
  if (type === 'hostPath' && typeof o.path === 'string') return o.path;
  return null;
}

function volumes(spec: PodWire['spec']): VolumeDetail[] {
  return (spec.volumes ?? []).map((v) => {
    const type = Object.keys(v).find((k) => k !== 'name') ?? 'unknown';
    return { name: v.name, type, source: volumeSource(type, v[type]) };
  });
}

/** The pod page's projection of one cached pod. */
export function toPodDetail(p: PodWire): PodDetail {
  const st = p.status ?? {};
  const byName = (list: StatusWire[] | undefined) => new Map((list ?? []).map((s) => [s.name, s]));
  const main = byName(st.containerStatuses);
  const init = byName(st.initContainerStatuses);
  return {
    namespace: p.metadata.namespace ?? '',
    name: p.metadata.name,
    uid: p.metadata.uid,
    phase: st.phase ?? 'Unknown',
    reason: st.reason ?? null,
    message: st.message ?? null,
    nodeName: p.spec.nodeName ?? null,
    nominatedNodeName: st.nominatedNodeName ?? null,
    hostIP: st.hostIP ?? null,
    podIP: st.podIP ?? null,
    qosClass: st.qosClass ?? null,
    serviceAccount: p.spec.serviceAccountName ?? null,
    priorityClassName: p.spec.priorityClassName ?? null,
    restartPolicy: p.spec.restartPolicy ?? null,
    startTime: st.startTime ?? null,
    deletionTimestamp: p.metadata.deletionTimestamp ?? null,
    annotations: p.metadata.annotations ?? {},
    conditions: (st.conditions ?? []).map(({ type, status, reason, message, lastTransitionTime }) => ({
      type,
      status,
      reason,
      message,
      lastTransitionTime,
    })),
    containers: [
      ...(p.spec.initContainers ?? []).map((c) =>
        containerDetail(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', init.get(c.name)),
      ),
      ...p.spec.containers.map((c) => containerDetail(c, 'container', main.get(c.name))),
    ],
    volumes: volumes(p.spec),
    nodeSelector: p.spec.nodeSelector ?? {},
    tolerations: p.spec.tolerations ?? [],
  };
}

/** The controller of an object: the owner reference marked `controller`, else the first. */
function controllerOf(o: KubeObject): { kind: string; name: string } | null {
  const refs = o.metadata.ownerReferences ?? [];
  const r = refs.find((x) => x.controller) ?? refs[0];
  return r ? { kind: r.kind, name: r.name } : null;
}

/**
 * The chain of controllers above an object, nearest first, following each owner that `lookup`
 * finds (the watch cache's ReplicaSets, so a ReplicaSet resolves to its Deployment). Stops at an
 * owner it cannot look up, and after `max` steps (owner references can, in a broken cluster, loop).
 */
export function ownerChain(
  o: KubeObject,
  lookup: (kind: string, name: string) => KubeObject | undefined,
  max = 5,
): OwnerLink[] {
  const out: OwnerLink[] = [];
  let at: KubeObject | undefined = o;
  while (at && out.length < max) {
    const c = controllerOf(at);
    if (!c) break;
    out.push({ kind: c.kind, name: c.name, workload: isWorkloadKind(c.kind) ? c.kind : null });
    at = lookup(c.kind, c.name);
  }
  return out;
}
