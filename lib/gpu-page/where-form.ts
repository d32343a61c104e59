/**
 * The "Where can this run?" form as text fields, turned into a `WhereRequest` and validated with
 * the model's `whereRequestSchema`, with each problem attached to the field a person typed it in.
 * Tolerations are written as kubectl writes taints: `key[=value][:Effect]`, one per line or comma.
 */
import type { z } from 'zod';
import { parseSelector } from '../label-selector';
import { whereRequestSchema, type SimpleDeviceClass, type WhereRequest } from '../gpu/where-request';

export type AskKind = 'resource' | 'mig' | 'shares' | 'devices';
export const ASK_KINDS: readonly AskKind[] = ['resource', 'mig', 'shares', 'devices'];

export interface WhereFormText {
  kind: AskKind;
  count: string;
  resource: string;
  profile: string;
  deviceClass: string;
  product: string;
  selector: string;
  tolerations: string;
}

export type WhereField = Exclude<keyof WhereFormText, 'kind'>;
export type FieldErrors = Partial<Record<WhereField, string>>;

export const EMPTY_WHERE_FORM: WhereFormText = {
  kind: 'resource',
  count: '1',
  resource: 'nvidia.com/gpu',
  profile: '',
  deviceClass: '',
  product: '',
  selector: '',
  tolerations: '',
};

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
type Effect = (typeof EFFECTS)[number];
const isEffect = (s: string): s is Effect => (EFFECTS as readonly string[]).includes(s);

type TolerationIn = NonNullable<WhereRequest['tolerations']>[number];

/** `key=value:Effect` → Equal; `key:Effect` or `key` → Exists; `*` (or `:Effect`) tolerates every key. */
export function parseTolerations(
  text: string,
): { ok: true; tolerations: TolerationIn[] } | { ok: false; error: string } {
  const out: TolerationIn[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const item = raw.trim();
    if (!item) continue;
    const colon = item.lastIndexOf(':');
    const effectText = colon >= 0 ? item.slice(colon + 1) : '';
    const head = colon >= 0 ? item.slice(0, colon) : item;
    if (colon >= 0 && !isEffect(effectText))
      return { ok: false, error: `"${item}": the effect must be one of ${EFFECTS.join(', ')}` };
    const effect = colon >= 0 ? { effect: effectText as Effect } : {};
    const eq = head.indexOf('=');
    const key = (eq >= 0 ? head.slice(0, eq) : head).trim();
    if (key === '*' || key === '') {
      if (eq >= 0) return { ok: false, error: `"${item}": a value needs a key` };
      out.push({ operator: 'Exists', ...effect });
    } else if (eq >= 0) out.push({ key, operator: 'Equal', value: head.slice(eq + 1).trim(), ...effect });
    else out.push({ key, operator: 'Exists', ...effect });
  }
  return { ok: true, tolerations: out };
}

/** The form field a schema issue belongs to. */
function fieldOfIssue(path: readonly PropertyKey[]): WhereField {
  const [a, b] = path;
  if (a === 'ask') {
    if (b === 'count' || b === 'resource' || b === 'profile') return b;
    return b === 'deviceClass' ? 'deviceClass' : 'count';
  }
  if (a === 'product' || a === 'selector' || a === 'tolerations') return a;
  return 'selector';
}

export type FormResult = { ok: true; request: WhereRequest } | { ok: false; errors: FieldErrors };

/**
 * The request the form describes, or every field's problem. `classes` are the cluster's
 * DeviceClasses as the panel matches them; a class the panel cannot read is an error, not a guess.
 */
export function whereRequestFromForm(f: WhereFormText, classes: readonly SimpleDeviceClass[]): FormResult {
  const errors: FieldErrors = {};
  const count = /^\s*\d+\s*$/.test(f.count) ? Number(f.count) : Number.NaN;
  if (Number.isNaN(count)) errors.count = 'a whole number, such as 1';
  let ask: unknown;
  if (f.kind === 'resource') ask = { kind: 'resource', resource: f.resource.trim(), count };
  else if (f.kind === 'mig') ask = { kind: 'mig', profile: f.profile.trim(), count };
  else if (f.kind === 'shares') ask = { kind: 'shares', count };
  else {
    const dc = classes.find((c) => c.name === f.deviceClass);
    if (!f.deviceClass) errors.deviceClass = 'choose a DeviceClass';
    else if (!dc) errors.deviceClass = `no DeviceClass ${f.deviceClass} the panel can read`;
    ask = { kind: 'devices', deviceClass: dc ?? { name: f.deviceClass, driver: '' }, count };
  }
  const selector = f.selector.trim();
  const parsed = parseSelector(selector);
  if (!parsed.ok) errors.selector = parsed.error;
  const tol = parseTolerations(f.tolerations);
  if (!tol.ok) errors.tolerations = tol.error;
  const candidate = {
    ask,
    ...(f.product.trim() ? { product: f.product.trim() } : {}),
    ...(selector ? { selector } : {}),
    ...(tol.ok && tol.tolerations.length ? { tolerations: tol.tolerations } : {}),
  };
  const checked = whereRequestSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues as z.core.$ZodIssue[]) {
      const field = fieldOfIssue(issue.path);
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !checked.success) return { ok: false, errors };
  return { ok: true, request: checked.data };
}
