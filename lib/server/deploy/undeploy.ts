import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Stage } from '../../deploy/plan';
import type { DeploySettings } from '../../deploy/settings';
import type { KubeObj } from '../../deploy/transform';
import { KubeError } from '../kube/errors';
import { formatTime } from '../../time/format-time';
import { RESOURCES, isWorkloadKind } from '../../kube-resources';
import { kubeRequest, objectPath, resourcePath } from '../kube/transport';
import { getClusterCache } from '../kube/cluster-cache';
import type { RunObject, RunStage } from '../../deploy/run-types';
import type { PodRow } from '../../views';

export interface UndeployOptions {
  settings: DeploySettings;
  /** Delete the PersistentVolumeClaims (PostgreSQL's data, Prometheus' series). */
  removeVolumes: boolean;
  /** Delete the generated Secrets (passwords): a new deploy makes new ones. */
  removeSecrets: boolean;
  /** How long to wait for each deleted object to be gone; IMAGEPOD_UNDEPLOY_WAIT_S when absent. */
  waitMs?: number;
}

const DEFAULT_WAIT_S = 120;
/** At most this many pods are named in a message; the rest are counted. */
const PODS_NAMED = 5;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How long an undeploy waits for each deleted object to be gone: IMAGEPOD_UNDEPLOY_WAIT_S
 * seconds (default 120; 0 checks once without waiting). Read on every call, as the deploy's stage
 * timeout is, so it can be changed without a restart; a value that is not a number ≥ 0 is ignored.
 */
export function undeployWaitMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.IMAGEPOD_UNDEPLOY_WAIT_S?.trim();
  const s = raw ? Number(raw) : NaN;
  return (Number.isFinite(s) && s >= 0 ? s : DEFAULT_WAIT_S) * 1000;
}

/** Why an object stays, or null when it goes. The namespace always stays: it holds what is kept and the audit trail. */
export function keepReason(o: KubeObj, opts: UndeployOptions): string | null {
  if (o.kind === 'Namespace') return 'kept: it holds the volumes, secrets, settings and the audit trail';
  if (o.kind === 'Secret' && !opts.removeSecrets) return 'kept (passwords); tick "remove secrets" to delete';
  if (o.kind === 'PersistentVolumeClaim' && !opts.removeVolumes) return 'kept (data); tick "remove volumes" to delete';
  return null;
}

/** What a GET of an object that should be gone tells about why it is still there. */
export interface LiveObject {
  metadata: { deletionTimestamp?: string; finalizers?: string[] };
  status?: { phase?: string };
}

/**
 * The message of an object still there after the wait: whether the API server marked it for
 * deletion and since when, the finalizers that hold it, its phase (a Namespace `Terminating`, a
 * claim `Bound`), and the pods of a workload still in the watch cache. `live` is null when the
 * object could not be read; `note` says why. Pure.
 */
export function stillThereMessage(
  waitedMs: number,
  live: LiveObject | null,
  pods: Pick<PodRow, 'name' | 'status'>[] = [],
  note: string | null = null,
): string {
  const facts: string[] = [];
  if (live) {
    const { deletionTimestamp, finalizers = [] } = live.metadata;
    facts.push(
      deletionTimestamp ? `deletionTimestamp ${formatTime(deletionTimestamp, 'UTC')}` : 'not marked for deletion',
    );
    if (finalizers.length) facts.push(`finalizers ${finalizers.join(', ')}`);
    if (live.status?.phase) facts.push(`phase ${live.status.phase}`);
  }
  if (note) facts.push(note);
  if (pods.length) {
    const named = pods.slice(0, PODS_NAMED).map((p) => `${p.name} (${p.status})`);
    if (pods.length > PODS_NAMED) named.push(`and ${pods.length - PODS_NAMED} more`);
    facts.push(`${pods.length} pod${pods.length === 1 ? '' : 's'} still there: ${named.join(', ')}`);
  }
  return `still there after ${waitedMs / 1000} s${facts.length ? `: ${facts.join('; ')}` : ''}`;
}

async function remove(kc: KubeConfig, path: string): Promise<boolean> {
  try {
    await kubeRequest(kc, path, {
      method: 'DELETE',
      body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' },
    });
    return true;
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return false;
    throw e;
  }
}

/** The object as the API server has it now (with the user's credentials), or null when it is gone. */
async function getLive(kc: KubeConfig, path: string): Promise<LiveObject | null> {
  try {
    return await kubeRequest<LiveObject>(kc, path);
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

/** Still there after the wait: the message, and the error when the object could not even be read. */
interface Held {
  message: string;
  error: unknown;
}

/**
 * Polls GET until the object is gone (404) or `end` passes; a failed GET is tried again until
 * then. Null when it is gone.
 */
async function waitGoneByGet(kc: KubeConfig, path: string, end: number, waitedMs: number): Promise<Held | null> {
  for (;;) {
    let held: Held;
    try {
      const live = await getLive(kc, path);
      if (!live) return null;
      held = { message: stillThereMessage(waitedMs, live), error: null };
    } catch (e) {
      held = {
        message: stillThereMessage(
          waitedMs,
          null,
          [],
          `could not read it: ${e instanceof Error ? e.message : String(e)}`,
        ),
        error: e,
      };
    }
    if (Date.now() >= end) return held;
    await sleep(500);
  }
}

/** The workload's pods in the watch cache: same namespace, every label of its selector. */
function cachedPods(o: KubeObj): PodRow[] {
  const selector = (o.spec as { selector?: { matchLabels?: Record<string, string> } } | undefined)?.selector
    ?.matchLabels;
  if (!selector || Object.keys(selector).length === 0) return [];
  return getClusterCache().views.pods.list(
    (p) => p.namespace === o.metadata.namespace && Object.entries(selector).every(([k, v]) => p.labels[k] === v),
  ).items;
}

/**
 * Waits for a deleted workload to leave the watch cache (no requests meanwhile); when it has not
 * by `end`, asks the API server with the user's credentials — the cache may lag — and describes
 * what holds it. Null when it is gone.
 */
async function waitWorkloadGone(kc: KubeConfig, o: KubeObj, end: number, waitedMs: number): Promise<Held | null> {
  const key = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
  const cache = getClusterCache();
  while (cache.views.workloads.get(key) && Date.now() < end) await sleep(250);
  if (!cache.views.workloads.get(key)) return null;
  try {
    const live = await getLive(kc, objectPath(o));
    return live ? { message: stillThereMessage(waitedMs, live, cachedPods(o)), error: null } : null;
  } catch (e) {
    const note = `still in the watch cache; could not read it: ${e instanceof Error ? e.message : String(e)}`;
    return { message: stillThereMessage(waitedMs, null, cachedPods(o), note), error: e };
  }
}

/** The claims a StatefulSet's volumeClaimTemplates made: `<template>-<statefulset>-<ordinal>`. */
async function statefulSetClaims(kc: KubeConfig, o: KubeObj): Promise<string[]> {
  const templates = (
    (o.spec as { volumeClaimTemplates?: { metadata: { name: string } }[] }).volumeClaimTemplates ?? []
  ).map((t) => `${t.metadata.name}-${o.metadata.name}-`);
  if (templates.length === 0) return [];
  const list = await kubeRequest<{ items: { metadata: { name: string } }[] }>(
    kc,
    resourcePath(RESOURCES.persistentvolumeclaims, { namespace: o.metadata.namespace }),
  );
  return list.items
    .map((p) => p.metadata.name)
    .filter((n) => templates.some((t) => n.startsWith(t) && /^\d+$/.test(n.slice(t.length))));
}

/**
 * One stage of an undeploy, objects in reverse order. Each deleted object is waited for until it
 * is gone — a workload until the watch cache drops it, anything else until a GET answers 404 —
 * for at most `opts.waitMs` (IMAGEPOD_UNDEPLOY_WAIT_S). One still there then (held by a
 * finalizer, a Namespace still Terminating, a claim its pods still use) is `failed` with what is
 * still there, and the stage fails: an undeploy never reports `deleted` for what it did not see go.
 * True when every object of the stage is deleted or kept.
 */
export async function undeployStage(
  rs: RunStage,
  stage: Stage,
  kc: KubeConfig,
  opts: UndeployOptions,
  emit: () => void,
  onFailure: (ro: RunObject, e: unknown) => void = () => undefined,
): Promise<boolean> {
  const waitMs = opts.waitMs ?? undeployWaitMs();
  let ok = true;
  for (const [i, o] of stage.objects.entries()) {
    const ro = rs.objects[i]!;
    const keep = keepReason(o, opts);
    if (keep) {
      ro.state = 'kept';
      ro.message = keep;
      emit();
      continue;
    }
    ro.state = 'deleting';
    emit();
    try {
      const claims = o.kind === 'StatefulSet' && opts.removeVolumes ? await statefulSetClaims(kc, o) : [];
      const existed = await remove(kc, objectPath(o));
      const claimPath = (c: string) =>
        resourcePath(RESOURCES.persistentvolumeclaims, { namespace: o.metadata.namespace, name: c });
      for (const c of claims) await remove(kc, claimPath(c));
      const end = Date.now() + waitMs;
      let held: Held | null = null;
      if (existed)
        held = isWorkloadKind(o.kind)
          ? await waitWorkloadGone(kc, o, end, waitMs)
          : await waitGoneByGet(kc, objectPath(o), end, waitMs);
      // A StatefulSet's claims go once its pods have (kubernetes.io/pvc-protection): waited for too.
      for (const c of claims) {
        if (held) break;
        const h = await waitGoneByGet(kc, claimPath(c), end, waitMs);
        if (h) held = { ...h, message: `volume ${c} ${h.message}` };
      }
      if (held) {
        if (held.error) onFailure(ro, held.error);
        ro.state = 'failed';
        ro.message = held.message;
        ok = false;
      } else {
        ro.state = 'deleted';
        ro.message =
          [existed ? null : 'was not there', claims.length ? `deleted volumes ${claims.join(', ')}` : null]
            .filter(Boolean)
            .join('; ') || null;
      }
    } catch (e) {
      onFailure(ro, e);
      ro.state = 'failed';
      ro.message = e instanceof Error ? e.message : String(e);
      ok = false;
    }
    emit();
  }
  return ok;
}
