import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Stage } from '../../deploy/plan';
import type { DeploySettings } from '../../deploy/settings';
import type { KubeObj } from '../../deploy/transform';
import { KubeError } from '../kube/errors';
import { RESOURCES, isWorkloadKind } from '../../kube-resources';
import { kubeRequest, objectPath, resourcePath } from '../kube/transport';
import { getClusterCache } from '../kube/cluster-cache';
import type { RunObject, RunStage } from '../../deploy/run-types';

export interface UndeployOptions {
  settings: DeploySettings;
  /** Delete the PersistentVolumeClaims (PostgreSQL's data, Prometheus' series). */
  removeVolumes: boolean;
  /** Delete the generated Secrets (passwords): a new deploy makes new ones. */
  removeSecrets: boolean;
}

const WAIT_GONE_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Why an object stays, or null when it goes. The namespace always stays: it holds what is kept and the audit trail. */
export function keepReason(o: KubeObj, opts: UndeployOptions): string | null {
  if (o.kind === 'Namespace') return 'kept: it holds the volumes, secrets, settings and the audit trail';
  if (o.kind === 'Secret' && !opts.removeSecrets) return 'kept (passwords); tick "remove secrets" to delete';
  if (o.kind === 'PersistentVolumeClaim' && !opts.removeVolumes) return 'kept (data); tick "remove volumes" to delete';
  return null;
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

/** One stage of an undeploy, objects in reverse order; workloads are waited for until gone. */
export async function undeployStage(
  rs: RunStage,
  stage: Stage,
  kc: KubeConfig,
  opts: UndeployOptions,
  emit: () => void,
  onFailure: (ro: RunObject, e: unknown) => void = () => undefined,
): Promise<boolean> {
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
      for (const c of claims)
        await remove(kc, resourcePath(RESOURCES.persistentvolumeclaims, { namespace: o.metadata.namespace, name: c }));
      if (isWorkloadKind(o.kind)) {
        const key = `${o.kind}/${o.metadata.namespace}/${o.metadata.name}`;
        const end = Date.now() + WAIT_GONE_MS;
        while (getClusterCache().views.workloads.get(key) && Date.now() < end) await sleep(250);
      }
      ro.state = 'deleted';
      ro.message =
        [existed ? null : 'was not there', claims.length ? `deleted volumes ${claims.join(', ')}` : null]
          .filter(Boolean)
          .join('; ') || null;
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
