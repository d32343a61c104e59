/**
 * Rollout history and undo as `kubectl rollout history` / `kubectl rollout undo --to-revision`
 * compute them: revisions from a Deployment's ReplicaSets or from a StatefulSet's or DaemonSet's
 * ControllerRevisions, the revision an undo picks, and the patch it sends. Pure: the routes read
 * the objects (with the user's credentials for undo), the history table and the diff reuse it.
 */
import { sortedYaml } from './yaml-text';
import type { KubeObject, PodTemplate, Workload } from './kube-types';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** The label the Deployment controller adds to each ReplicaSet's template; never part of a revision. */
const HASH_LABEL = 'pod-template-hash';
/** Annotations `kubectl rollout undo` keeps from the Deployment instead of taking them from the ReplicaSet. */
const SKIPPED_ANNOTATIONS = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

/** A ControllerRevision as the API returns it: `data` is the strategic merge patch that restores the template. */
export interface ControllerRevision extends KubeObject {
  revision: number;
  data?: { spec?: { template?: PodTemplate & { $patch?: string } } };
}

/** One revision in the history table. */
export interface HistoryRow {
  revision: number;
  /** The ReplicaSet or ControllerRevision that holds it. */
  name: string;
  changeCause: string | null;
  images: string[];
  createdAt: string | null;
  /** The revision the workload's template is at now. */
  current: boolean;
  /** The pod template an undo to this revision writes. */
  template: PodTemplate;
}

const ownedBy = (o: KubeObject, uid: string) =>
  Boolean(o.metadata.ownerReferences?.some((r) => r.controller && r.uid === uid));
const imagesOf = (t: PodTemplate) => t.spec.containers.map((c) => c.image ?? '');
const newestFirst = (a: HistoryRow, b: HistoryRow) => b.revision - a.revision;

/** The template as YAML with sorted keys: equal templates give equal text, and the diff stays readable. */
export function templateYaml(t: PodTemplate): string {
  return sortedYaml(t);
}

export function sameTemplate(a: PodTemplate, b: PodTemplate): boolean {
  return templateYaml(a) === templateYaml(b);
}

/** A ReplicaSet's template without the pod-template-hash label, as the Deployment would hold it. */
export function replicaSetTemplate(rs: Workload): PodTemplate | null {
  const t = rs.spec?.template;
  if (!t) return null;
  const labels = { ...t.metadata?.labels };
  delete labels[HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** The template a ControllerRevision restores (its patch minus the `$patch: replace` directive). */
export function revisionTemplate(cr: ControllerRevision): PodTemplate | null {
  const t = cr.data?.spec?.template;
  if (!t) return null;
  const copy = { ...t };
  delete copy.$patch;
  return copy;
}

/**
 * A Deployment's history from the ReplicaSets it controls, newest first. The current revision is
 * the one whose template equals the Deployment's (as the controller finds its new ReplicaSet).
 */
export function deploymentHistory(d: Workload, replicaSets: readonly Workload[]): HistoryRow[] {
  const live = d.spec?.template;
  const rows: HistoryRow[] = [];
  for (const rs of replicaSets) {
    const revision = Number(rs.metadata.annotations?.[REVISION_ANNOTATION]);
    const template = replicaSetTemplate(rs);
    if (!ownedBy(rs, d.metadata.uid) || !Number.isInteger(revision) || !template) continue;
    rows.push({
      revision,
      name: rs.metadata.name,
      template,
      images: imagesOf(template),
      changeCause: rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? null,
      createdAt: rs.metadata.creationTimestamp ?? null,
      current: live ? sameTemplate(template, live) : false,
    });
  }
  return rows.sort(newestFirst);
}

/**
 * A StatefulSet's or DaemonSet's history from its ControllerRevisions, newest first. Their
 * controllers renumber a revision to the top when the template returns to it, so the highest
 * revision is the current one.
 */
export function controllerRevisionHistory(w: Workload, revisions: readonly ControllerRevision[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const cr of revisions) {
    const template = revisionTemplate(cr);
    if (!ownedBy(cr, w.metadata.uid) || !template) continue;
    rows.push({
      revision: cr.revision,
      name: cr.metadata.name,
      template,
      images: imagesOf(template),
      changeCause: cr.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? null,
      createdAt: cr.metadata.creationTimestamp ?? null,
      current: false,
    });
  }
  rows.sort(newestFirst);
  if (rows[0]) rows[0].current = true;
  return rows;
}

/**
 * The revision `kubectl rollout undo --to-revision=N` goes to: N itself, or for 0 the revision
 * before the latest (the second highest number). An error message when there is none.
 */
export function pickRevision(rows: readonly HistoryRow[], toRevision: number): { row: HistoryRow } | { error: string } {
  const sorted = [...rows].sort(newestFirst);
  if (toRevision > 0) {
    const row = sorted.find((r) => r.revision === toRevision);
    if (row) return { row };
    const known = sorted
      .map((r) => r.revision)
      .reverse()
      .join(', ');
    return { error: `revision ${toRevision} is not in the history${known ? ` (revisions: ${known})` : ''}` };
  }
  const previous = sorted[1];
  return previous ? { row: previous } : { error: 'there is no previous revision to roll back to' };
}

/** A JSON patch operation (RFC 6902), as `application/json-patch+json` takes it. */
export interface JsonPatchOp {
  op: 'add' | 'replace';
  path: string;
  value: unknown;
}

/**
 * The JSON patch `kubectl rollout undo` sends for a Deployment: the revision's template, and the
 * ReplicaSet's annotations (change-cause among them) in place of the Deployment's own, keeping
 * the ones the controller manages. Replacing `metadata.resourceVersion` makes it a precondition:
 * if the Deployment changed since it was read, the API server answers 409 instead of overwriting.
 */
export function deploymentUndoPatch(d: Workload, rs: Workload): JsonPatchOp[] {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!SKIPPED_ANNOTATIONS.has(k)) annotations[k] = v;
  return [
    { op: 'replace', path: '/metadata/resourceVersion', value: d.metadata.resourceVersion },
    { op: 'replace', path: '/spec/template', value: replicaSetTemplate(rs) },
    // `add` sets the member whether or not the Deployment has annotations yet.
    { op: 'add', path: '/metadata/annotations', value: annotations },
  ];
}

/**
 * The strategic merge patch for a StatefulSet or DaemonSet: the ControllerRevision's own data
 * (which replaces the template), with the workload's resourceVersion as a precondition.
 */
export function controllerRevisionUndoPatch(w: Workload, cr: ControllerRevision): Record<string, unknown> {
  return { ...cr.data, metadata: { resourceVersion: w.metadata.resourceVersion } };
}
