/**
 * What the YAML view shows of an object: `metadata.managedFields` folded away (the field managers
 * are shown apart), and for a Secret no value at all — `data` and `stringData` keep their keys with
 * a placeholder naming the size, and the `kubectl.kubernetes.io/last-applied-configuration`
 * annotation (which holds the whole applied Secret, values included) is replaced too. Pure.
 */
import type { ManagedFieldsEntry } from './managed-fields';

/** The annotation `kubectl apply` keeps the last applied manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What stands in for a hidden value, e.g. `(hidden, 12 bytes)`. */
export function hiddenValue(bytes: number): string {
  return `(hidden, ${bytes} byte${bytes === 1 ? '' : 's'})`;
}

/** The placeholder of the last-applied annotation of a Secret. */
export const HIDDEN_LAST_APPLIED = '(hidden, it holds the Secret’s values)';

interface AnyObject {
  kind?: unknown;
  metadata?: { managedFields?: ManagedFieldsEntry[]; annotations?: Record<string, string> } & Record<string, unknown>;
  [k: string]: unknown;
}

/** Bytes of a base64 value once decoded (a malformed value: its length as sent). */
function decodedBytes(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return clean.length;
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

function hideValues(m: unknown, size: (v: string) => number): unknown {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return m === undefined ? undefined : '(hidden)';
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, hiddenValue(typeof v === 'string' ? size(v) : 0)]));
}

/** The object with managedFields split off, and a Secret's values hidden (see the module note). */
export function forDisplay(o: AnyObject): {
  object: AnyObject;
  managedFields: ManagedFieldsEntry[];
  redacted: boolean;
} {
  const { managedFields = [], ...metadata } = o.metadata ?? {};
  const object: AnyObject = { ...o, ...(o.metadata ? { metadata } : {}) };
  if (o.kind !== 'Secret') return { object, managedFields, redacted: false };
  if ('data' in object) object.data = hideValues(object.data, decodedBytes);
  if ('stringData' in object)
    object.stringData = hideValues(object.stringData, (v) => new TextEncoder().encode(v).length);
  if (metadata.annotations && LAST_APPLIED in metadata.annotations)
    object.metadata = { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: HIDDEN_LAST_APPLIED } };
  return { object, managedFields, redacted: true };
}
