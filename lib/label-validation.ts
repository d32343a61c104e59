/**
 * Label keys, label values and taints validated by the same rules as the API server
 * (apimachinery `IsQualifiedName` / `IsValidLabelValue`, core `validateNodeTaints`), so the
 * node-labelling form rejects exactly what the API server would reject, with messages a person
 * can act on. Also the label edit plan: what a multi-node edit changes, and its merge patches.
 * Pure: shared by the route handlers (zod schemas) and the form (error lists, warnings).
 */
import { z } from 'zod';
import type { ObjectMeta } from './kube-types';

const NAME_MAX = 63;
const PREFIX_MAX = 253;
const VALUE_MAX = 63;
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
/** A DNS-1123 subdomain (length checked separately). */
export const DNS_SUBDOMAIN = new RegExp(`^${DNS_LABEL}(\\.${DNS_LABEL})*$`);

const NAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', 'my.name' or '123-abc')";
const VALUE_RULE =
  "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', 'my_value' or '12345')";
const PREFIX_RULE =
  "must be a lowercase DNS subdomain: lowercase alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character (e.g. 'example.com')";

/** Go's len() counts UTF-8 bytes; non-ASCII text fails the character rule anyway, but the limit must agree. */
function tooLong(max: number, s: string): string | null {
  const bytes = new TextEncoder().encode(s).length;
  if (bytes <= max) return null;
  return `must be no more than ${max} characters (it has ${bytes}${bytes === s.length ? '' : ' bytes'})`;
}

/** Everything wrong with a label key (also taint keys and other qualified names); [] when valid. */
export function labelKeyErrors(key: string): string[] {
  if (key === '') return ['must not be empty'];
  const parts = key.split('/');
  if (parts.length > 2) {
    return [
      "must be a name with an optional DNS subdomain prefix and a single '/' (e.g. 'example.com/MyName'); it has more than one '/'",
    ];
  }
  const errors: string[] = [];
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '')
      errors.push("prefix part must not be empty: remove the leading '/' or add a prefix such as 'example.com'");
    else {
      const long = tooLong(PREFIX_MAX, prefix);
      if (long) errors.push(`prefix part ${long}`);
      if (!DNS_SUBDOMAIN.test(prefix)) errors.push(`prefix part ${PREFIX_RULE}`);
    }
  }
  if (name === '') return [...errors, "name part must not be empty: add a name after the '/'"];
  const long = tooLong(NAME_MAX, name);
  if (long) errors.push(`name part ${long}`);
  if (!NAME.test(name)) errors.push(`name part ${NAME_RULE}`);
  return errors;
}

/** Everything wrong with a label value (also taint values); the empty value is valid. */
export function labelValueErrors(value: string): string[] {
  const errors: string[] = [];
  const long = tooLong(VALUE_MAX, value);
  if (long) errors.push(long);
  if (value !== '' && !NAME.test(value)) errors.push(VALUE_RULE);
  return errors;
}

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

function effectError(effect: unknown): string | null {
  if (typeof effect === 'string' && (TAINT_EFFECTS as readonly string[]).includes(effect)) return null;
  if (effect === undefined || effect === '') return 'is required: NoSchedule, PreferNoSchedule or NoExecute';
  return `${JSON.stringify(effect)} is not supported: must be NoSchedule, PreferNoSchedule or NoExecute`;
}

/** Errors of one taint, each prefixed with its field (`key: …`, `value: …`, `effect: …`). */
export function taintErrors(taint: { key: string; value?: string; effect: string }): string[] {
  const effect = effectError(taint.effect);
  return [
    ...labelKeyErrors(taint.key).map((e) => `key: ${e}`),
    ...labelValueErrors(taint.value ?? '').map((e) => `value: ${e}`),
    ...(effect ? [`effect: ${effect}`] : []),
  ];
}

/** Errors of a node's whole taint list: each taint, and the API server's uniqueness rule. */
export function taintListErrors(taints: readonly { key: string; value?: string; effect: string }[]): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  taints.forEach((t, i) => {
    errors.push(...taintErrors(t).map((e) => `taints[${i}].${e}`));
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id)) errors.push(`taints[${i}]: taints must be unique by key and effect; ${id} appears twice`);
    seen.add(id);
  });
  return errors;
}

function refineWith(check: (s: string) => string[]) {
  return (s: string, ctx: z.RefinementCtx<string>) => {
    for (const message of check(s)) ctx.addIssue({ code: 'custom', message, input: s });
  };
}

/** A label key (or taint key), valid as the API server decides. */
export const labelKeySchema = z.string().superRefine(refineWith(labelKeyErrors));
/** A label value (or taint value), valid as the API server decides; '' is allowed. */
export const labelValueSchema = z.string().superRefine(refineWith(labelValueErrors));
/** A taint as a form or a route receives it; `timeAdded` is the API server's to set. */
export const taintSchema = z.strictObject({
  key: labelKeySchema,
  value: labelValueSchema.optional(),
  effect: z.enum(TAINT_EFFECTS, { error: (issue) => effectError(issue.input) ?? undefined }),
});
/** A node's taint list, unique by key and effect as the API server requires. */
export const taintListSchema = z.array(taintSchema).superRefine((taints, ctx) => {
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const id = `${t.key}:${t.effect}`;
    if (seen.has(id))
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message: `taints must be unique by key and effect; ${id} appears twice`,
        input: t,
      });
    seen.add(id);
  });
});

/** One edit of the labelling form: set `key=value`, or remove `key`. */
export type LabelEdit = { op: 'set'; key: string; value: string } | { op: 'remove'; key: string };

export const labelEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('set'), key: labelKeySchema, value: labelValueSchema }),
  z.strictObject({ op: z.literal('remove'), key: labelKeySchema }),
]);
/** A list of edits; a key edited twice is ambiguous, so it is refused rather than "last wins". */
export const labelEditsSchema = z.array(labelEditSchema).superRefine((edits, ctx) => {
  const seen = new Set<string>();
  edits.forEach((e, i) => {
    if (seen.has(e.key))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'key'],
        message: `label ${e.key} is edited more than once`,
        input: e.key,
      });
    seen.add(e.key);
  });
});

function prefixOf(key: string): string | null {
  const parts = key.split('/');
  return parts.length === 2 ? parts[0]! : null;
}

const within = (prefix: string, domain: string) => prefix === domain || prefix.endsWith(`.${domain}`);

const KUBELET_SET = new Set([
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'kubernetes.io/arch',
  'beta.kubernetes.io/os',
  'beta.kubernetes.io/arch',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
]);

/**
 * A warning for labels that a system component owns (it may overwrite the edit, or act on it),
 * or null. Only a warning: the API server lets a user with rights change them.
 */
export function systemLabelWarning(key: string): string | null {
  const prefix = prefixOf(key);
  if (prefix === null) return null;
  if (within(prefix, 'feature.node.kubernetes.io')) {
    return `${key} belongs to Node Feature Discovery, which sets it from the node's hardware and may overwrite or remove your change.`;
  }
  if (KUBELET_SET.has(key)) {
    return `${key} is set by the kubelet (or the cloud provider) when the node registers; your change may be reverted, and pods that select it may move.`;
  }
  if (within(prefix, 'kubernetes.io') || within(prefix, 'k8s.io')) {
    return `${key} uses a prefix reserved for Kubernetes (${prefix}); Kubernetes components may set, overwrite or act on it.`;
  }
  if (/^nvidia\.com\/gpu\.(deploy\.|workload\.config$)/.test(key)) {
    return `${key} is read by the NVIDIA GPU Operator to decide which of its components run on this node; changing it starts or stops them.`;
  }
  if (key.startsWith('nvidia.com/gpu.')) {
    return `${key} belongs to GPU Feature Discovery, which sets it from the GPUs it finds and may overwrite your change.`;
  }
  return null;
}

export type LabelChange =
  | { key: string; kind: 'added'; after: string }
  | { key: string; kind: 'changed'; before: string; after: string }
  | { key: string; kind: 'removed'; before: string }
  | { key: string; kind: 'unchanged'; value?: string };

/** A JSON merge patch (`application/merge-patch+json`) for a node's labels; null removes a label. */
export interface LabelPatch {
  metadata: { labels: Record<string, string | null> };
}

export interface NodeLabelPlan {
  node: string;
  patch: LabelPatch;
  /** One entry per edited key, in edit order, including keys whose edit changes nothing on this node. */
  changes: LabelChange[];
}

const has = (labels: Record<string, string>, key: string) => Object.prototype.hasOwnProperty.call(labels, key);

/** The labels after the edits; when a key is edited twice the last edit wins. */
export function applyLabelEdits(
  labels: Record<string, string> | undefined,
  edits: readonly LabelEdit[],
): Record<string, string> {
  const out = { ...labels };
  for (const e of edits) {
    if (e.op === 'set') out[e.key] = e.value;
    else delete out[e.key];
  }
  return out;
}

/**
 * What the edits change on each node, and the merge patch that makes the change. Nodes on which
 * nothing changes are left out, so applying the plan twice patches nothing the second time.
 */
export function planLabelEdits(
  nodes: readonly { metadata: Pick<ObjectMeta, 'name' | 'labels'> }[],
  edits: readonly LabelEdit[],
): NodeLabelPlan[] {
  const plans: NodeLabelPlan[] = [];
  for (const node of nodes) {
    const current = node.metadata.labels ?? {};
    const after = applyLabelEdits(current, edits);
    const patch: Record<string, string | null> = {};
    const changes: LabelChange[] = [];
    for (const key of new Set(edits.map((e) => e.key))) {
      const was = has(current, key) ? current[key]! : undefined;
      const now = has(after, key) ? after[key]! : undefined;
      if (was === now)
        changes.push(now === undefined ? { key, kind: 'unchanged' } : { key, kind: 'unchanged', value: now });
      else if (was === undefined) changes.push({ key, kind: 'added', after: now! });
      else if (now === undefined) changes.push({ key, kind: 'removed', before: was });
      else changes.push({ key, kind: 'changed', before: was, after: now });
      if (was !== now) patch[key] = now ?? null;
    }
    if (Object.keys(patch).length > 0)
      plans.push({ node: node.metadata.name, patch: { metadata: { labels: patch } }, changes });
  }
  return plans;
}
