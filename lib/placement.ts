/**
 * Would a DaemonSet run a pod on a node? Decided as the DaemonSet controller decides
 * (`NodeShouldRunDaemonPod`): the template's nodeName, its nodeSelector and required node affinity,
 * and the node's NoSchedule/NoExecute taints against the template's tolerations plus the ones the
 * controller adds to every DaemonSet pod. `spec.unschedulable` is ignored, as for DaemonSet pods.
 * Resources are not considered: a wanted pod may still wait Pending for room on the node.
 * Pure: the node-labelling form previews with it which GPU workers land or leave.
 */
import { z } from 'zod';
import type { Node, ObjectMeta, PodSpec, Taint, Toleration } from './kube-types';
import { labelKeyErrors, labelValueErrors } from './label-validation';
import { formatTaint, sameTaints } from './taints';

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
export interface NodeSelectorRequirement {
  key: string;
  operator: NodeSelectorOperator;
  values?: string[];
}
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

// Operators stay strings: an unknown one is a parse error that makes its term match nothing.
const requirement = z.object({ key: z.string(), operator: z.string(), values: z.array(z.string()).nullish() });
const affinitySchema = z
  .object({
    nodeAffinity: z
      .object({
        requiredDuringSchedulingIgnoredDuringExecution: z
          .object({
            nodeSelectorTerms: z
              .array(
                z.object({
                  matchExpressions: z.array(requirement).nullish(),
                  matchFields: z.array(requirement).nullish(),
                }),
              )
              .nullish(),
          })
          .nullish(),
      })
      .nullish(),
  })
  .nullish();
type Req = z.infer<typeof requirement>;

/** What placement reads of a node: a full `Node` fits, and so does a node row mapped back. */
export interface PlacementNode {
  metadata: Pick<ObjectMeta, 'name' | 'labels'>;
  spec?: Pick<NonNullable<Node['spec']>, 'taints' | 'unschedulable'>;
}
/** What placement reads of a DaemonSet: a full `Workload` fits. */
export interface PlacementDaemonSet {
  metadata: Pick<ObjectMeta, 'name' | 'namespace'>;
  spec?: { template?: { spec: PodSpec } };
}

export interface Placement {
  /** The controller wants a pod on this node (it creates one when none runs there). */
  shouldRun: boolean;
  /** A pod already there is kept: an untolerated NoSchedule taint stops new pods, not running ones. */
  shouldContinueRunning: boolean;
  /** What keeps the pod off the node, one line each; empty when shouldRun. */
  reasons: string[];
  /** What does not block but is worth knowing (cordoned node, taints tolerated automatically, ...). */
  notes: string[];
}

const AUTO_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const NETWORK_UNAVAILABLE: Toleration = {
  key: 'node.kubernetes.io/network-unavailable',
  operator: 'Exists',
  effect: 'NoSchedule',
};

/** The tolerations the DaemonSet controller adds to every pod it creates from `spec`. */
export function daemonSetAutoTolerations(spec: Pick<PodSpec, 'hostNetwork'>): Toleration[] {
  return spec.hostNetwork ? [...AUTO_TOLERATIONS, NETWORK_UNAVAILABLE] : [...AUTO_TOLERATIONS];
}

/** v1 `Toleration.ToleratesTaint`: an empty effect matches every effect, an empty key with Exists every taint. */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op: string | undefined = t.operator; // from the wire: '' means Equal, anything unknown tolerates nothing
  if (op === 'Exists') return true;
  if (!op || op === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

const hasKey = (o: Record<string, string>, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const INT64 = /^[+-]?[0-9]+$/;
/** Go's strconv.ParseInt(s, 10, 64); null where it would fail. */
function parseInt64(s: string): bigint | null {
  if (!INT64.test(s)) return null;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : null;
}

/** labels.NewRequirement's checks: a requirement failing them makes its whole term match nothing. */
function requirementErrors(r: Req): string[] {
  const vals = r.values ?? [];
  const errs = labelKeyErrors(r.key).map((e) => `key ${JSON.stringify(r.key)}: ${e}`);
  if ((r.operator === 'In' || r.operator === 'NotIn') && vals.length === 0)
    errs.push(`${r.key} ${r.operator} needs at least one value`);
  else if ((r.operator === 'Exists' || r.operator === 'DoesNotExist') && vals.length > 0)
    errs.push(`${r.key} ${r.operator} takes no values`);
  else if (r.operator === 'Gt' || r.operator === 'Lt') {
    if (vals.length !== 1) errs.push(`${r.key} ${r.operator} needs exactly one value`);
    else if (parseInt64(vals[0]!) === null)
      errs.push(`${r.key} ${r.operator} needs an integer value, not ${JSON.stringify(vals[0])}`);
  } else if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(r.operator))
    errs.push(`operator ${JSON.stringify(r.operator)} is not supported`);
  for (const v of vals) errs.push(...labelValueErrors(v).map((e) => `value ${JSON.stringify(v)}: ${e}`));
  return errs;
}

function describe(r: Req): string {
  const vals = r.values ?? [];
  if (r.operator === 'Exists' || r.operator === 'DoesNotExist') return `${r.key} ${r.operator}`;
  if (r.operator === 'Gt' || r.operator === 'Lt') return `${r.key} ${r.operator} ${vals[0]}`;
  return `${r.key} ${r.operator} (${vals.join(', ')})`;
}

/** Why a valid label requirement fails on `labels`, or null when it holds. */
function labelMismatch(r: Req, labels: Record<string, string>): string | null {
  const v = hasKey(labels, r.key) ? labels[r.key]! : undefined;
  const vals = r.values ?? [];
  let ok: boolean;
  if (r.operator === 'In') ok = v !== undefined && vals.includes(v);
  else if (r.operator === 'NotIn') ok = v === undefined || !vals.includes(v);
  else if (r.operator === 'Exists') ok = v !== undefined;
  else if (r.operator === 'DoesNotExist') ok = v === undefined;
  else {
    // Gt/Lt: validated to one integer; a label value that is not an integer never matches.
    const n = v === undefined ? null : parseInt64(v);
    if (v !== undefined && n === null) return `${describe(r)} (node has ${r.key}=${v}, not an integer)`;
    const bound = parseInt64(vals[0] ?? '');
    ok = n !== null && bound !== null && (r.operator === 'Gt' ? n > bound : n < bound);
  }
  if (ok) return null;
  return `${describe(r)} (${v === undefined ? `node has no ${r.key} label` : `node has ${r.key}=${v}`})`;
}

/** Fields selectors know one node field, metadata.name; In and NotIn take exactly one value. */
function fieldErrors(r: Req): string[] {
  if (r.operator !== 'In' && r.operator !== 'NotIn')
    return [`matchFields operator ${JSON.stringify(r.operator)} is not supported (In or NotIn)`];
  return (r.values ?? []).length === 1 ? [] : [`matchFields ${r.key} ${r.operator} needs exactly one value`];
}

function fieldMismatch(r: Req, nodeName: string): string | null {
  const v = r.key === 'metadata.name' ? nodeName : '';
  const equal = v === (r.values ?? [])[0];
  if (r.operator === 'In' ? equal : !equal) return null;
  return `${describe(r)} (node is ${nodeName})`;
}

/** Why the required node affinity rejects the node (term by term), or null when a term matches. */
function affinityMismatch(affinity: unknown, node: PlacementNode): string | null {
  const parsed = affinitySchema.safeParse(affinity);
  if (!parsed.success) return `spec.affinity could not be read: ${parsed.error.issues[0]?.message ?? 'malformed'}`;
  const required = parsed.data?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return null;
  // An empty term selects nothing and is skipped, as by the scheduler and the controller.
  const terms = (required.nodeSelectorTerms ?? []).filter(
    (t) => (t.matchExpressions ?? []).length + (t.matchFields ?? []).length > 0,
  );
  if (terms.length === 0) return 'required node affinity has no non-empty nodeSelectorTerms, so it matches no node';
  const labels = node.metadata.labels ?? {};
  const why: string[] = [];
  for (const [i, t] of terms.entries()) {
    const exprs = t.matchExpressions ?? [],
      fields = t.matchFields ?? [];
    const errors = [...exprs.flatMap(requirementErrors), ...fields.flatMap(fieldErrors)];
    if (errors.length > 0) {
      why.push(`term ${i + 1} is invalid and matches nothing: ${errors.join('; ')}`);
      continue;
    }
    const misses = [
      ...exprs.map((r) => labelMismatch(r, labels)),
      ...(node.metadata.name ? fields.map((r) => fieldMismatch(r, node.metadata.name)) : []),
    ].filter((m): m is string => m !== null);
    if (misses.length === 0) return null;
    why.push(terms.length === 1 ? misses.join(', ') : `term ${i + 1}: ${misses.join(', ')}`);
  }
  return terms.length === 1
    ? `required node affinity does not match: ${why[0]}`
    : `required node affinity matches none of its ${terms.length} nodeSelectorTerms: ${why.join('; ')}`;
}

/** Where a DaemonSet pod built from `spec` stands on `node`, and why. */
export function daemonPodPlacement(node: PlacementNode, spec: PodSpec): Placement {
  const reasons: string[] = [];
  const notes: string[] = [];
  const labels = node.metadata.labels ?? {};
  if (spec.nodeName && spec.nodeName !== node.metadata.name)
    reasons.push(`the pod template sets nodeName ${spec.nodeName}`);
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    if (hasKey(labels, k) && labels[k] === v) continue;
    reasons.push(
      `nodeSelector ${k}=${v} does not match: ${hasKey(labels, k) ? `the node has ${k}=${labels[k]}` : `the node has no ${k} label`}`,
    );
  }
  const affinity = affinityMismatch(spec.affinity, node);
  if (affinity) reasons.push(affinity);
  const fits = reasons.length === 0;

  const own = spec.tolerations ?? [];
  const auto = daemonSetAutoTolerations(spec);
  let evicts = false;
  for (const taint of node.spec?.taints ?? []) {
    const matching = own.filter((t) => toleratesTaint(t, taint));
    if (taint.effect === 'PreferNoSchedule') {
      if (matching.length === 0)
        notes.push(`taint ${formatTaint(taint)} is not tolerated, but PreferNoSchedule does not block`);
    } else if (matching.length > 0) {
      const seconds = matching
        .map((t) => t.tolerationSeconds)
        .filter((s): s is number => s !== undefined && s !== null);
      if (taint.effect === 'NoExecute' && seconds.length > 0) {
        notes.push(
          `taint ${formatTaint(taint)} is tolerated for ${Math.max(0, Math.min(...seconds))}s only, then the pod is evicted`,
        );
      }
    } else if (auto.some((t) => toleratesTaint(t, taint))) {
      notes.push(`taint ${formatTaint(taint)} is tolerated automatically by DaemonSet pods`);
    } else {
      reasons.push(`taint ${formatTaint(taint)} not tolerated`);
      if (taint.effect === 'NoExecute') evicts = true;
    }
  }
  if (node.spec?.unschedulable) notes.push('the node is cordoned (unschedulable), which DaemonSet pods ignore');
  return { shouldRun: reasons.length === 0, shouldContinueRunning: fits && !evicts, reasons, notes };
}

export interface DaemonSetRef {
  namespace?: string;
  name: string;
}
/**
 * start: the controller will create a pod (reasons: what kept it off before);
 * stop: the pod will be deleted or evicted (reasons: why);
 * kept: a running pod stays, though no new one would be created (reasons: why not).
 */
export interface PlacementChange {
  daemonSet: DaemonSetRef;
  change: 'start' | 'stop' | 'kept';
  reasons: string[];
}
export interface NodePlacementPreview {
  node: string;
  changes: PlacementChange[];
}

const sameLabels = (a: Record<string, string> = {}, b: Record<string, string> = {}) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => hasKey(b, k) && b[k] === v);

/**
 * For each node whose labels or taints differ between `nodesBefore` and `nodesAfter` (matched by
 * name), the DaemonSets whose pod starts, stops or is kept there; the node is listed (with no
 * changes) when no DaemonSet is affected. Assumes pods are where the controller wanted them
 * before the edit: it cannot see a pod left running by an earlier NoSchedule taint.
 */
export function placementPreview(
  nodesBefore: readonly PlacementNode[],
  nodesAfter: readonly PlacementNode[],
  daemonSets: readonly PlacementDaemonSet[],
): NodePlacementPreview[] {
  const before = new Map(nodesBefore.map((n) => [n.metadata.name, n]));
  const out: NodePlacementPreview[] = [];
  for (const after of nodesAfter) {
    const was = before.get(after.metadata.name);
    if (
      !was ||
      (sameLabels(was.metadata.labels, after.metadata.labels) && sameTaints(was.spec?.taints, after.spec?.taints))
    )
      continue;
    const changes: PlacementChange[] = [];
    for (const ds of daemonSets) {
      const spec = ds.spec?.template?.spec;
      if (!spec) continue;
      const daemonSet = {
        ...(ds.metadata.namespace ? { namespace: ds.metadata.namespace } : {}),
        name: ds.metadata.name,
      };
      const p0 = daemonPodPlacement(was, spec),
        p1 = daemonPodPlacement(after, spec);
      if (!p0.shouldRun && p1.shouldRun) changes.push({ daemonSet, change: 'start', reasons: p0.reasons });
      else if (p0.shouldRun && !p1.shouldContinueRunning)
        changes.push({ daemonSet, change: 'stop', reasons: p1.reasons });
      else if (p0.shouldRun && !p1.shouldRun) changes.push({ daemonSet, change: 'kept', reasons: p1.reasons });
    }
    out.push({ node: after.metadata.name, changes });
  }
  return out;
}

/**
 * Could the scheduler put a pod with `spec` on `node`, judged as for a DaemonSet pod but without
 * the tolerations the DaemonSet controller adds, and with the node's cordon as a taint
 * (`node.kubernetes.io/unschedulable:NoSchedule`, which only a toleration lets through)? Resources
 * and pod (anti-)affinity are not considered: a pod that fits may still wait Pending for room.
 * The drain preview names with it where each evicted pod could go.
 */
export function podPlacement(node: PlacementNode, spec: PodSpec): Placement {
  const { nodeName: _ignored, ...rest } = spec;
  void _ignored; // the evicted pod is recreated by its controller, which leaves nodeName empty
  const taints: Taint[] = [...(node.spec?.taints ?? [])];
  if (node.spec?.unschedulable) taints.push({ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' });
  const p = daemonPodPlacement({ metadata: node.metadata, spec: { taints } }, { ...rest, hostNetwork: false });
  // daemonPodPlacement forgives what DaemonSet pods tolerate automatically; an ordinary pod does not.
  const own = spec.tolerations ?? [];
  const auto = daemonSetAutoTolerations({});
  const reasons = [...p.reasons];
  const notes = p.notes.filter((n) => !n.includes('tolerated automatically'));
  for (const taint of taints) {
    if (taint.effect === 'PreferNoSchedule' || own.some((t) => toleratesTaint(t, taint))) continue;
    if (auto.some((t) => toleratesTaint(t, taint))) reasons.push(`taint ${formatTaint(taint)} not tolerated`);
  }
  return { shouldRun: reasons.length === 0, shouldContinueRunning: reasons.length === 0, reasons, notes };
}
