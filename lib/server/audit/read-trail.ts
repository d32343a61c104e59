import 'server-only';
import { z } from 'zod';
import { AUDIT_ACTIONS, auditRowFromEvent, filterAudit, type AuditFilter, type AuditRow } from '../../audit';
import { parseGoDuration } from '../../audit-window';
import type { Session } from '../auth/session';
import { canI } from '../auth/access-review';
import { authSettings } from '../auth/settings';
import { HttpError } from '../errors/http-error';
import { syncedCache } from '../views/views-api';
import { verifyAuditEvent } from './mac';

const isoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid time');

/** The audit trail's filter as the audit and export routes take it in the query string. */
export const auditFilterQuery = {
  user: z.string().max(256).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
};

/** One hour: the API server's default `--event-ttl`. */
const DEFAULT_RETENTION_MS = 3_600_000;

/**
 * How long the audit Events live: IMAGEPOD_AUDIT_EVENT_TTL, set to the API server's `--event-ttl`
 * (a Go duration such as `24h`); one hour, Kubernetes' default, when unset or unreadable.
 */
export function auditRetentionMs(): number {
  return parseGoDuration(process.env.IMAGEPOD_AUDIT_EVENT_TTL ?? '') ?? DEFAULT_RETENTION_MS;
}

/**
 * The panel's audit Events in the audit namespace, from the watch cache, filtered and newest
 * first — for users Kubernetes lets list events there (403 otherwise). Each row says whether its
 * MAC proves the panel wrote it (`verified`).
 */
export async function readAuditTrail(
  session: Session,
  filter: AuditFilter,
  signal: AbortSignal,
): Promise<{ rows: AuditRow[]; namespace: string }> {
  const ns = authSettings().auditNamespace;
  const access = await canI(session, { verb: 'list', resource: 'events', namespace: ns }, signal);
  if (!access.allowed)
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${session.user.username} to list events in namespace ${ns}, where the audit trail is kept`,
    );
  const rows: AuditRow[] = [];
  for (const e of syncedCache().objects('events')) {
    if (e.metadata.namespace !== ns) continue;
    const row = auditRowFromEvent(e as Parameters<typeof auditRowFromEvent>[0], (ev) => verifyAuditEvent(ev));
    if (row) rows.push(row);
  }
  return { rows: filterAudit(rows, filter), namespace: ns };
}
