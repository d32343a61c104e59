import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { PANEL_MANAGER } from '../../field-manager/field-manager';
import { classifyConflicts, parseConflicts, type FieldConflict } from '../../deploy/conflicts';
import { changedPaths, diffObjects } from '../../deploy/diff';
import { objectKey } from '../../deploy/plan';
import { replicaDrift, withLiveReplicas } from '../../deploy/replicas';
import type { ObjectPreview, PreviewAction } from '../../deploy/preview-types';
import type { KubeObj } from '../../deploy/transform';
import { KubeError } from '../kube/errors';
import { kubeRequest, objectPath } from '../kube/transport';

/** The deploy's server-side apply manager: the panel's name, bare (see lib/field-manager). */
export const FIELD_MANAGER = PANEL_MANAGER;

/** Server-side apply of one object (`dryRun` changes nothing); throws KubeError (409 on conflicts). */
export function serverSideApply(
  kc: KubeConfig,
  o: KubeObj,
  opts: { dryRun?: boolean; force?: boolean; signal?: AbortSignal } = {},
): Promise<KubeObj> {
  return kubeRequest<KubeObj>(kc, objectPath(o), {
    method: 'PATCH',
    contentType: 'application/apply-patch+yaml', // JSON is YAML: the body is the object as JSON
    body: o,
    fieldManager: FIELD_MANAGER,
    query: {
      force: opts.force ? 'true' : undefined,
      dryRun: opts.dryRun ? 'All' : undefined,
    },
    signal: opts.signal,
  });
}

export async function getLive(kc: KubeConfig, o: KubeObj, signal?: AbortSignal): Promise<KubeObj | null> {
  try {
    return await kubeRequest<KubeObj>(kc, objectPath(o), { signal });
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

export function conflictsOf(e: unknown): FieldConflict[] {
  return e instanceof KubeError && e.upstreamStatus === 409 ? parseConflicts(e.causes) : [];
}

/** What the operator chose for one object of a deploy. */
export interface ObjectChoices {
  /** Overwrite fields owned by other managers. */
  takeOwnership: boolean;
  /** Apply the live replicas in place of the bundle's (lib/deploy/replicas.ts). */
  keepLiveReplicas: boolean;
}

/**
 * What deploying `o` would do, from the API server's own dry run (so defaults and admission
 * apply). A field owned by another manager is reported as drift (a deploy restores it) or a
 * conflict (only with "take ownership"); see lib/deploy/conflicts.ts. Replicas scaled by hand are
 * named with both numbers; with "keep live replicas" the dry run is of the object the deploy
 * would apply, the live number in place of the bundle's.
 */
export async function previewObject(
  kc: KubeConfig,
  bundled: KubeObj,
  choices: ObjectChoices,
  namespaceMissing: boolean,
  signal?: AbortSignal,
): Promise<ObjectPreview> {
  const { takeOwnership } = choices;
  let o = bundled;
  const key = objectKey(o);
  const base = {
    key,
    kind: o.kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? null,
    conflicts: [] as FieldConflict[],
    message: null as string | null,
    replicas: null,
    keepsLiveReplicas: false,
  };
  if (namespaceMissing) {
    // Nothing in the namespace can be dry-run before the namespace exists: it is all new.
    return {
      ...base,
      action: 'create',
      diff: diffObjects({}, o, key).diff,
      paths: [],
      message: `created after namespace ${o.metadata.namespace}`,
    };
  }
  try {
    const live = await getLive(kc, o, signal);
    const replicas = replicaDrift(bundled, live);
    const keepsLiveReplicas = Boolean(replicas && choices.keepLiveReplicas);
    if (keepsLiveReplicas) o = withLiveReplicas(bundled, live);
    let after: KubeObj;
    let conflicts: FieldConflict[] = [];
    try {
      after = await serverSideApply(kc, o, { dryRun: true, signal });
    } catch (e) {
      conflicts = conflictsOf(e);
      if (conflicts.length === 0) throw e;
      after = await serverSideApply(kc, o, { dryRun: true, force: true, signal });
    }
    const d = diffObjects(live ?? {}, after, key);
    const cls = classifyConflicts(conflicts);
    const action: PreviewAction = !live
      ? 'create'
      : cls === 'drift'
        ? 'drift'
        : cls === 'conflict' && !takeOwnership
          ? 'conflict'
          : d.changed
            ? 'change'
            : 'unchanged';
    const kept =
      keepsLiveReplicas && replicas ? `keeps the live ${replicas.live} replicas (bundle ${replicas.bundle})` : null;
    const why =
      cls === 'drift'
        ? `restores fields changed by ${[...new Set(conflicts.map((c) => c.manager))].join(', ')}`
        : cls === 'conflict'
          ? `fields owned by ${[...new Set(conflicts.map((c) => c.manager))].join(', ')}${takeOwnership ? ': the deploy takes ownership' : ': choose "take ownership" to overwrite them'}`
          : null;
    const message = [kept, why].filter(Boolean).join('; ') || null;
    return {
      ...base,
      action,
      diff: d.diff,
      paths: live ? changedPaths(live, after) : [],
      conflicts,
      message,
      replicas,
      keepsLiveReplicas,
    };
  } catch (e) {
    return { ...base, action: 'error', diff: '', paths: [], message: e instanceof Error ? e.message : String(e) };
  }
}

/** What applying one object did, for the run's progress. */
export interface AppliedObject {
  result: KubeObj;
  change: 'created' | 'changed' | 'unchanged';
  note: string | null;
}

/**
 * A deploy's apply of one object: server-side apply without force; drift and chosen take-overs
 * are applied again with force. With "keep live replicas" the object applied carries the replicas
 * live now (read just before), so the apply leaves `spec.replicas` where the scale put it
 * (lib/deploy/replicas.ts says why this and not leaving the field out).
 */
export async function applyForDeploy(kc: KubeConfig, bundled: KubeObj, choices: ObjectChoices): Promise<AppliedObject> {
  const before = await getLive(kc, bundled);
  const drift = choices.keepLiveReplicas ? replicaDrift(bundled, before) : null;
  const o = drift ? withLiveReplicas(bundled, before) : bundled;
  let result: KubeObj;
  let note: string | null = drift ? `kept the live ${drift.live} replicas (bundle ${drift.bundle})` : null;
  try {
    result = await serverSideApply(kc, o);
  } catch (e) {
    const conflicts = conflictsOf(e);
    const cls = classifyConflicts(conflicts);
    if (cls === 'none') throw e;
    const managers = [...new Set(conflicts.map((c) => c.manager))].join(', ');
    if (cls === 'conflict' && !choices.takeOwnership) {
      throw new KubeError(
        'CONFLICT',
        `fields owned by ${managers}: ${conflicts.map((c) => c.field).join(', ')} — preview and choose "take ownership" to overwrite them`,
        409,
      );
    }
    result = await serverSideApply(kc, o, { force: true });
    const what = cls === 'drift' ? `restored fields changed by ${managers}` : `took ownership from ${managers}`;
    note = [note, what].filter(Boolean).join('; ');
  }
  const rv = (x: KubeObj | null) => (x?.metadata as { resourceVersion?: string } | undefined)?.resourceVersion;
  const change = !before ? 'created' : rv(before) === rv(result) ? 'unchanged' : 'changed';
  return { result, change, note };
}
