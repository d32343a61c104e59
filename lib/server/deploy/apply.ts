import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { PANEL_MANAGER } from '../../field-manager/field-manager';
import { classifyConflicts, parseConflicts, type FieldConflict } from '../../deploy/conflicts';
import { changedPaths, diffObjects } from '../../deploy/diff';
import { objectKey } from '../../deploy/plan';
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

/**
 * What deploying `o` would do, from the API server's own dry run (so defaults and admission
 * apply). A field owned by another manager is reported as drift (a deploy restores it) or a
 * conflict (only with "take ownership"); see lib/deploy/conflicts.ts.
 */
export async function previewObject(
  kc: KubeConfig,
  o: KubeObj,
  takeOwnership: boolean,
  namespaceMissing: boolean,
  signal?: AbortSignal,
): Promise<ObjectPreview> {
  const key = objectKey(o);
  const base = {
    key,
    kind: o.kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? null,
    conflicts: [] as FieldConflict[],
    message: null as string | null,
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
    const message =
      cls === 'drift'
        ? `restores fields changed by ${[...new Set(conflicts.map((c) => c.manager))].join(', ')}`
        : cls === 'conflict'
          ? `fields owned by ${[...new Set(conflicts.map((c) => c.manager))].join(', ')}${takeOwnership ? ': the deploy takes ownership' : ': choose "take ownership" to overwrite them'}`
          : null;
    return { ...base, action, diff: d.diff, paths: live ? changedPaths(live, after) : [], conflicts, message };
  } catch (e) {
    return { ...base, action: 'error', diff: '', paths: [], message: e instanceof Error ? e.message : String(e) };
  }
}
