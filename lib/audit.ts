/**
 * The audit trail's record format. Every action taken through the panel becomes a Kubernetes
 * Event (events.k8s.io/v1) in the audit namespace, written with the panel's own identity and
 * labelled so the Audit page can find them; who/what/target/result ride in annotations. Pure:
 * building the Event and reading it back, plus the page's filter.
 */

export const AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'logout',
  'deploy-started',
  'deploy-interrupted',
  'deploy-resumed',
  'deploy',
  'undeploy-started',
  'undeploy-interrupted',
  'undeploy-resumed',
  'undeploy',
  'scale',
  'restart',
  'undo',
  'pause',
  'resume',
  'suspend',
  'run-now',
  'label',
  'taint',
  'cordon',
  'uncordon',
  'evict',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditResult = 'success' | 'failure' | 'denied';

export const AUDIT_LABEL = 'imagepod.io/audit';
export const AUDIT_ACTION_LABEL = 'imagepod.io/audit-action';
const A = {
  user: 'audit.imagepod.io/user',
  groups: 'audit.imagepod.io/groups',
  action: 'audit.imagepod.io/action',
  target: 'audit.imagepod.io/target',
  result: 'audit.imagepod.io/result',
  session: 'audit.imagepod.io/session',
  details: 'audit.imagepod.io/details',
  client: 'audit.imagepod.io/client',
} as const;
/** The record's MAC (lib/server/audit/mac.ts): proof that the panel wrote it. */
export const AUDIT_MAC_ANNOTATION = 'audit.imagepod.io/mac';

export interface AuditTarget {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion?: string;
}

export interface AuditRecord {
  action: AuditAction;
  user: string;
  groups?: string[];
  target: AuditTarget | null;
  result: AuditResult;
  /** One line for people: what was asked and what came of it (the API server's message on failure). */
  message: string;
  /** A short machine-readable detail, e.g. `{"replicas":{"from":2,"to":5}}`. */
  details?: Record<string, unknown>;
  /** The session's id (never the token), to tie actions to one login. */
  sessionId?: string;
  /**
   * Where the request came from, as lib/server/auth/login-limiter.ts's `clientAddress` tells it:
   * `proxy:<ip>` (the trusted proxy's X-Forwarded-For), `peer:<ip>` (the socket) or `direct`.
   * Absent on records written before the panel recorded it, or away from any request.
   */
  client?: string;
}

export interface AuditRow extends AuditRecord {
  key: string;
  time: string;
  /**
   * The Event carries a valid MAC made with the panel's key. Anyone who may create Events in the
   * audit namespace can write a row that looks like the panel's; only the panel can make this true.
   */
  verified: boolean;
}

/** True for an events-view key (`namespace/name`) that names one of the panel's audit Events. */
export function isAuditEventKey(key: string): boolean {
  return key.slice(key.indexOf('/') + 1).startsWith('imagepod-audit-');
}

/** A record's client for people: the address alone (`proxy:`/`peer:` say how it was learnt), or `direct`. */
export function clientText(client: string | undefined): string {
  if (!client) return '';
  const i = client.indexOf(':');
  return i > 0 && (client.startsWith('proxy:') || client.startsWith('peer:')) ? client.slice(i + 1) : client;
}

/** A target as `Kind/namespace/name` (no namespace for cluster-scoped ones), or '' for none. */
export function targetText(t: AuditTarget | null): string {
  if (!t) return '';
  return `${t.kind}/${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

const MAX_NOTE = 1000; // events.k8s.io/v1 rejects a note over 1 kB
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const reasonOf = (a: AuditAction) =>
  a
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

/**
 * The Event for one record. The API server only accepts a `regarding` object in the Event's own
 * namespace or a namespaced object elsewhere, so logins and node actions point at the audit
 * namespace itself; the true target is always in the annotations and the note.
 */
export function auditEvent(
  r: AuditRecord,
  opts: { namespace: string; instance: string; now: Date; sign?: (input: string) => string },
) {
  const regarding = r.target?.namespace
    ? { apiVersion: r.target.apiVersion, kind: r.target.kind, namespace: r.target.namespace, name: r.target.name }
    : { apiVersion: 'v1', kind: 'Namespace', namespace: opts.namespace, name: opts.namespace };
  const annotations: Record<string, string> = {
    [A.user]: r.user,
    [A.action]: r.action,
    [A.result]: r.result,
  };
  if (r.groups?.length) annotations[A.groups] = r.groups.join(',');
  if (r.target) annotations[A.target] = JSON.stringify(r.target);
  if (r.sessionId) annotations[A.session] = r.sessionId;
  if (r.client) annotations[A.client] = clip(r.client, 128);
  if (r.details) annotations[A.details] = clip(JSON.stringify(r.details), 4000);
  const event = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: {
      generateName: 'imagepod-audit-',
      namespace: opts.namespace,
      labels: { [AUDIT_LABEL]: 'true', [AUDIT_ACTION_LABEL]: r.action },
      annotations,
    },
    eventTime: opts.now.toISOString().replace('Z', '000Z'),
    reportingController: 'imagepod.io/dashboard',
    reportingInstance: clip(opts.instance, 128),
    action: reasonOf(r.action),
    reason: reasonOf(r.action),
    type: r.result === 'success' ? 'Normal' : 'Warning',
    regarding,
    note: clip(`${r.user}: ${r.message}`, MAX_NOTE),
  };
  if (opts.sign) annotations[AUDIT_MAC_ANNOTATION] = opts.sign(auditMacInput(event));
  return event;
}

/** The parts of an Event that a record's MAC covers. */
export interface AuditEventLike {
  metadata?: {
    namespace?: string;
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
  };
  eventTime?: string | null;
  message?: string;
  note?: string;
  type?: string;
  reason?: string;
  reportingController?: string;
  reportingInstance?: string;
  regarding?: { kind?: string; namespace?: string; name?: string };
  /** The same Event read through the core v1 API (as the watch cache does) names three fields differently. */
  reportingComponent?: string;
  involvedObject?: { kind?: string; namespace?: string; name?: string };
}

/**
 * The canonical text a record's MAC is computed over: everything the Audit page shows and every
 * audit annotation (except the MAC itself), in a fixed order, so changing any of it — user, action,
 * result, target, message, time — breaks the MAC. The Event's name is not covered (the API server
 * picks it after the MAC is made): a verbatim copy of a true record verifies, as a duplicate.
 * Read through either Event API (events.k8s.io/v1 as written, core v1 as the watch cache lists
 * it), the same Event gives the same text.
 */
export function auditMacInput(e: AuditEventLike): string {
  const an = e.metadata?.annotations ?? {};
  const annotations = Object.keys(an)
    .filter((k) => k.startsWith('audit.imagepod.io/') && k !== AUDIT_MAC_ANNOTATION)
    .sort()
    .map((k) => [k, an[k]]);
  const time = e.eventTime ? Date.parse(e.eventTime) : null;
  const regarding = e.regarding ?? e.involvedObject;
  return JSON.stringify([
    'imagepod-audit-v1',
    e.metadata?.namespace ?? '',
    e.metadata?.labels?.[AUDIT_LABEL] ?? '',
    e.metadata?.labels?.[AUDIT_ACTION_LABEL] ?? '',
    annotations,
    Number.isNaN(time) ? e.eventTime : time,
    e.type ?? '',
    e.reason ?? '',
    e.reportingController ?? e.reportingComponent ?? '',
    e.reportingInstance ?? '',
    [regarding?.kind ?? '', regarding?.namespace ?? '', regarding?.name ?? ''],
    e.note ?? e.message ?? '',
  ]);
}

function parseTarget(s: string | undefined): AuditTarget | null {
  if (!s) return null;
  try {
    const t = JSON.parse(s) as Partial<AuditTarget>;
    if (typeof t.kind !== 'string' || typeof t.name !== 'string') return null;
    return {
      kind: t.kind,
      name: t.name,
      namespace: typeof t.namespace === 'string' ? t.namespace : undefined,
      apiVersion: t.apiVersion,
    };
  } catch {
    return null;
  }
}

/** Reads an Event back as an audit row; null for events that are not the panel's audit records. */
export function auditRowFromEvent(
  e: AuditEventLike,
  verify: (e: AuditEventLike) => boolean = () => false,
): AuditRow | null {
  const md = e.metadata;
  const an = md?.annotations ?? {};
  if (md?.labels?.[AUDIT_LABEL] !== 'true') return null;
  const action = an[A.action] as AuditAction | undefined;
  const user = an[A.user];
  if (!action || !AUDIT_ACTIONS.includes(action) || !user) return null;
  const result = (['success', 'failure', 'denied'] as const).find((x) => x === an[A.result]) ?? 'failure';
  const note = e.note ?? e.message ?? '';
  const prefix = `${user}: `;
  let details: Record<string, unknown> | undefined;
  const rawDetails = an[A.details];
  try {
    details = rawDetails ? (JSON.parse(rawDetails) as Record<string, unknown>) : undefined;
  } catch {
    details = undefined;
  }
  return {
    key: `${md.namespace ?? ''}/${md.name ?? ''}`,
    time: e.eventTime ?? md.creationTimestamp ?? '',
    action,
    user,
    groups: an[A.groups]?.split(',') ?? [],
    target: parseTarget(an[A.target]),
    result,
    message: note.startsWith(prefix) ? note.slice(prefix.length) : note,
    details,
    sessionId: an[A.session],
    client: an[A.client],
    verified: verify(e),
  };
}

export interface AuditFilter {
  user?: string;
  action?: AuditAction;
  result?: AuditResult;
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
}

/** Newest first, filtered; `user` matches case-insensitively on any part of the name. */
export function filterAudit(rows: AuditRow[], f: AuditFilter): AuditRow[] {
  const user = f.user?.toLowerCase();
  const since = f.since ? Date.parse(f.since) : -Infinity;
  const until = f.until ? Date.parse(f.until) : Infinity;
  return rows
    .filter((r) => {
      const t = Date.parse(r.time);
      return (
        (!user || r.user.toLowerCase().includes(user)) &&
        (!f.action || r.action === f.action) &&
        (!f.result || r.result === f.result) &&
        t >= since &&
        t <= until
      );
    })
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0));
}
