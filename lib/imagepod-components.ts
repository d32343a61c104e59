/**
 * The ImagePod stack's components as the overview reports them: which workload in the `imagepod`
 * namespace is which component, and whether it is ready. Pure. Names follow the seed manifests
 * (imagepod-api, postgres, redis, imagepod-gpu-worker); a few alternatives are accepted so a
 * renamed bundle still reports, and the `app` / `app.kubernetes.io/name` labels are a fallback.
 */
import type { WorkloadKind } from './kube-resources';
import type { WorkloadRow } from './views';

export const IMAGEPOD_NAMESPACE = 'imagepod';

export interface ImagePodComponent {
  id: string;
  label: string;
  /** The kind the bundle deploys it as (shown when it is not deployed). */
  kind: WorkloadKind;
  /** Workload names that identify it, best first. */
  names: string[];
}

export const IMAGEPOD_COMPONENTS: readonly ImagePodComponent[] = [
  { id: 'api', label: 'API', kind: 'Deployment', names: ['imagepod-api', 'api'] },
  {
    id: 'postgresql',
    label: 'PostgreSQL',
    kind: 'StatefulSet',
    names: ['postgres', 'postgresql', 'imagepod-postgres', 'imagepod-postgresql'],
  },
  { id: 'redis', label: 'Redis', kind: 'Deployment', names: ['redis', 'imagepod-redis'] },
  {
    id: 'gpu-workers',
    label: 'GPU workers',
    kind: 'DaemonSet',
    names: ['imagepod-gpu-worker', 'imagepod-gpu-workers', 'gpu-worker'],
  },
  {
    id: 'prometheus',
    label: 'Prometheus',
    kind: 'Deployment',
    names: ['prometheus', 'imagepod-prometheus', 'prometheus-server'],
  },
  { id: 'grafana', label: 'Grafana', kind: 'Deployment', names: ['grafana', 'imagepod-grafana'] },
];

export type ComponentState = 'ready' | 'progressing' | 'failed' | 'paused' | 'idle' | 'not-deployed';

export interface ComponentHealth {
  component: ImagePodComponent;
  workload: WorkloadRow | null;
  state: ComponentState;
  ready: number;
  desired: number;
  message: string;
}

function findWorkload(c: ImagePodComponent, inNamespace: WorkloadRow[]): WorkloadRow | null {
  for (const name of c.names) {
    const byName = inNamespace.find((w) => w.name === name);
    if (byName) return byName;
  }
  for (const name of c.names) {
    const byLabel = inNamespace.find((w) => w.labels['app.kubernetes.io/name'] === name || w.labels.app === name);
    if (byLabel) return byLabel;
  }
  return null;
}

/** The state of one deployed workload as a component badge. */
export function workloadComponentState(w: WorkloadRow): ComponentState {
  if (w.rollout.state === 'failed') return 'failed';
  if (w.rollout.state === 'paused') return 'paused';
  if (w.rollout.state === 'progressing' || w.ready < w.desired) return 'progressing';
  if (w.desired === 0) return 'idle';
  return 'ready';
}

/** Health of every ImagePod component, in stack order, from the workloads view. */
export function imagePodComponentHealth(
  workloads: readonly WorkloadRow[],
  namespace = IMAGEPOD_NAMESPACE,
): ComponentHealth[] {
  const inNamespace = workloads.filter((w) => w.namespace === namespace);
  return IMAGEPOD_COMPONENTS.map((component) => {
    const w = findWorkload(component, inNamespace);
    if (!w) return { component, workload: null, state: 'not-deployed', ready: 0, desired: 0, message: 'Not deployed' };
    return {
      component,
      workload: w,
      state: workloadComponentState(w),
      ready: w.ready,
      desired: w.desired,
      message: w.rollout.message,
    };
  });
}
