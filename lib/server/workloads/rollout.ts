import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Workload } from '../../kube-types';
import { formatLabelSelector } from '../../label-selector';
import {
  controllerRevisionHistory,
  controllerRevisionUndoPatch,
  deploymentHistory,
  deploymentUndoPatch,
  pickRevision,
  type ControllerRevision,
  type HistoryRow,
} from '../../rollout-history';
import { RESOURCES, WORKLOAD_KIND_OF, apiVersionOf, type WorkloadResource } from '../../kube-resources';
import { panelFieldManager, type PanelAction } from '../../field-manager/field-manager';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { kubeRequest, resourcePath } from '../kube/transport';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
const workloadPath = (r: WorkloadResource, namespace: string, name: string) =>
  resourcePath(RESOURCES[r], { namespace, name });

/** The audit target of a workload action. */
export function workloadTarget(r: WorkloadResource, namespace: string, name: string) {
  return { kind: WORKLOAD_KIND_OF[r], apiVersion: apiVersionOf(RESOURCES[r]), namespace, name };
}

/** The workload as the API server has it now, read with the caller's credentials. */
export function readWorkload(
  kc: KubeConfig,
  r: WorkloadResource,
  ns: string,
  name: string,
  signal?: AbortSignal,
): Promise<Workload> {
  return kubeRequest<Workload>(kc, workloadPath(r, ns, name), { signal });
}

function mergePatch(
  kc: KubeConfig,
  action: PanelAction,
  r: WorkloadResource,
  ns: string,
  name: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<Workload> {
  return kubeRequest<Workload>(kc, workloadPath(r, ns, name), {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    fieldManager: panelFieldManager(action),
    body,
    signal,
  });
}

/** Refuses what kubectl refuses on a paused Deployment (its controller would not act on the change). */
function assertNotPaused(w: Workload, what: string): void {
  if (w.spec?.paused) {
    throw new HttpError(409, 'CONFLICT', `${w.metadata.name} is paused: resume the rollout first, then ${what}`);
  }
}

/**
 * `kubectl rollout restart`: stamps the pod template with the time, so the controller replaces
 * every pod. Returns the stamp.
 */
export async function restartWorkload(
  kc: KubeConfig,
  r: WorkloadResource,
  ns: string,
  name: string,
  signal?: AbortSignal,
): Promise<string> {
  const w = await readWorkload(kc, r, ns, name, signal);
  assertNotPaused(w, 'restart');
  const at = new Date().toISOString();
  await mergePatch(
    kc,
    'restart',
    r,
    ns,
    name,
    { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } },
    signal,
  );
  return at;
}

/** `kubectl rollout pause` / `resume` on a Deployment. */
export async function setPaused(
  kc: KubeConfig,
  ns: string,
  name: string,
  paused: boolean,
  signal?: AbortSignal,
): Promise<Workload> {
  return mergePatch(kc, paused ? 'pause' : 'resume', 'deployments', ns, name, { spec: { paused } }, signal);
}

/** Objects selected by the workload's selector in its namespace (ownership is checked by the history functions). */
export async function listSelected<T>(
  kc: KubeConfig,
  w: Workload,
  resource: 'replicasets' | 'controllerrevisions',
  signal?: AbortSignal,
): Promise<T[]> {
  const labelSelector = w.spec?.selector ? formatLabelSelector(w.spec.selector) : undefined;
  const list = await kubeRequest<{ items: T[] }>(
    kc,
    resourcePath(RESOURCES[resource], { namespace: w.metadata.namespace }),
    { query: { labelSelector }, signal },
  );
  return list.items;
}

export interface UndoResult {
  revision: number;
  /** True when the template already was that revision's (nothing was written, as kubectl skips it). */
  skipped: boolean;
}

const UNDO_ATTEMPTS = 5;

/**
 * `kubectl rollout undo --to-revision=N` (0: the previous revision), deciding on a fresh read made
 * with the caller's credentials and writing with the workload's resourceVersion as a precondition,
 * so the patch never lands on a state it was not computed from. The controller updates status
 * all through a rollout (each update a new resourceVersion), so a conflict is decided again on a
 * new read, a few times, as client-go's RetryOnConflict does.
 */
export async function undoWorkload(
  kc: KubeConfig,
  r: WorkloadResource,
  ns: string,
  name: string,
  toRevision: number,
  signal?: AbortSignal,
): Promise<UndoResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await undoOnce(kc, r, ns, name, toRevision, signal);
    } catch (e) {
      if (!(e instanceof KubeError && e.code === 'CONFLICT') || attempt >= UNDO_ATTEMPTS) throw e;
    }
  }
}

async function undoOnce(
  kc: KubeConfig,
  r: WorkloadResource,
  ns: string,
  name: string,
  toRevision: number,
  signal?: AbortSignal,
): Promise<UndoResult> {
  const w = await readWorkload(kc, r, ns, name, signal);
  const path = workloadPath(r, ns, name);
  let rows: HistoryRow[];
  let send: (row: HistoryRow) => Promise<unknown>;
  if (r === 'deployments') {
    assertNotPaused(w, 'roll back');
    const replicaSets = await listSelected<Workload>(kc, w, 'replicasets', signal);
    rows = deploymentHistory(w, replicaSets);
    send = (row) =>
      kubeRequest(kc, path, {
        method: 'PATCH',
        contentType: 'application/json-patch+json',
        fieldManager: panelFieldManager('undo'),
        signal,
        body: deploymentUndoPatch(
          w,
          replicaSets.find((x) => x.metadata.name === row.name)!,
        ),
      });
  } else {
    const revisions = await listSelected<ControllerRevision>(kc, w, 'controllerrevisions', signal);
    rows = controllerRevisionHistory(w, revisions);
    send = (row) =>
      kubeRequest(kc, path, {
        method: 'PATCH',
        contentType: 'application/strategic-merge-patch+json',
        fieldManager: panelFieldManager('undo'),
        signal,
        body: controllerRevisionUndoPatch(
          w,
          revisions.find((x) => x.metadata.name === row.name)!,
        ),
      });
  }
  const picked = pickRevision(rows, toRevision);
  if ('error' in picked) throw new HttpError(404, 'NOT_FOUND', `${name}: ${picked.error}`, 'toRevision');
  if (picked.row.current) return { revision: picked.row.revision, skipped: true };
  await send(picked.row);
  return { revision: picked.row.revision, skipped: false };
}
