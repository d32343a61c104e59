/**
 * Field managers made readable: `metadata.managedFields` entries (server-side apply's record of
 * who last set which field) turned into `{ manager, operation, time, fields }`, each field a path
 * such as `spec.replicas` or `spec.template.spec.containers[name=api].image`. Pure.
 */

/** One manager's claim on an object, as the panel shows it. */
export interface FieldManager {
  manager: string;
  /** `Apply` (server-side apply) or `Update` (any other write). */
  operation: string;
  /** When the manager last changed its fields (RFC 3339), or null when the API server did not say. */
  time: string | null;
  /** Set for a write through a subresource, e.g. `status` or `scale`. */
  subresource?: string;
  /** The fields it owns, in document order. */
  fields: string[];
}

/** A `metadata.managedFields` entry as the API server sends it. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: string;
  time?: string;
  subresource?: string;
  fieldsType?: string;
  fieldsV1?: unknown;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `.name` for a plain key, `["kubernetes.io/hostname"]` for one with dots, slashes or the like. */
function member(key: string): string {
  return PLAIN_KEY.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** A value of a list key or set element as text: strings bare, anything else as JSON. */
function scalar(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The path segment of one fieldsV1 key: `f:<field>` a member, `k:{"name":"api"}` a list item by
 * its keys (`[name=api]`, several as `[containerPort=80,protocol=TCP]`), `v:<json>` a set element
 * (`[=value]`), `i:<n>` a list index (`[n]`). An unparsable key is kept as it is, in brackets.
 */
function segment(key: string): string {
  const tag = key.slice(0, 2);
  const rest = key.slice(2);
  try {
    if (tag === 'f:') return member(rest);
    if (tag === 'k:') {
      const keys = JSON.parse(rest) as Record<string, unknown>;
      return `[${Object.entries(keys)
        .map(([k, v]) => `${k}=${scalar(v)}`)
        .join(',')}]`;
    }
    if (tag === 'v:') return `[=${scalar(JSON.parse(rest))}]`;
    if (tag === 'i:') return `[${rest}]`;
  } catch {
    // fall through: shown verbatim
  }
  return `[${JSON.stringify(key)}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The paths a fieldsV1 set names: every leaf (`{}`), and an inner node marked as owned itself
 * (the `.` key: a list item or map the manager created) only when it names nothing below it —
 * otherwise its fields say it. Document order; malformed input yields what could be read.
 */
export function fieldPaths(fieldsV1: unknown): string[] {
  const out: string[] = [];
  const walk = (node: Record<string, unknown>, at: string) => {
    for (const [key, child] of Object.entries(node)) {
      if (key === '.') {
        if (at && Object.keys(node).length === 1) out.push(at);
        continue;
      }
      const path = at + segment(key);
      if (isObject(child) && Object.keys(child).length > 0) walk(child, path);
      else out.push(path);
    }
  };
  if (isObject(fieldsV1)) walk(fieldsV1, '');
  // A member at the top starts with a dot: `spec.replicas`, not `.spec.replicas`.
  return out.map((p) => (p.startsWith('.') ? p.slice(1) : p));
}

/** Every entry of `metadata.managedFields`, newest change first (ties keep the API server's order). */
export function fieldManagers(entries: readonly ManagedFieldsEntry[] | undefined): FieldManager[] {
  const out = (entries ?? []).map((e): FieldManager => ({
    manager: e.manager || '(unnamed)',
    operation: e.operation ?? 'Update',
    time: e.time ?? null,
    ...(e.subresource ? { subresource: e.subresource } : {}),
    fields: e.fieldsType === undefined || e.fieldsType === 'FieldsV1' ? fieldPaths(e.fieldsV1) : [],
  }));
  return out
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (b.m.time ?? '').localeCompare(a.m.time ?? '') || a.i - b.i)
    .map(({ m }) => m);
}
