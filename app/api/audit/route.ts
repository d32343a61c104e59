import { z } from 'zod';
import { AUDIT_ACTIONS, auditRowFromEvent, filterAudit, type AuditRow } from '@/lib/audit';
import { verifyAuditEvent } from '@/lib/server/audit/mac';
import { canI } from '@/lib/server/auth/access-review';
import { authSettings } from '@/lib/server/auth/settings';
import { HttpError } from '@/lib/server/errors/http-error';
import { route } from '@/lib/server/http/route';
import { healthFor } from '@/lib/server/views/health-for';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const isoTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'not a valid time');
const query = z.strictObject({
  user: z.string().max(256).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  result: z.enum(['success', 'failure', 'denied']).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * The audit trail: the panel's audit Events in the audit namespace, from the watch cache, newest
 * first — for users Kubernetes lets list events there. Each row says whether its MAC proves the
 * panel wrote it (`verified`); anyone who may create Events there can add rows that look alike.
 */
export const GET = route({ query }, async ({ session, query: q, signal }) => {
  const ns = authSettings().auditNamespace;
  const cache = syncedCache();
  const access = await canI(session, { verb: 'list', resource: 'events', namespace: ns }, signal);
  if (!access.allowed)
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${session.user.username} to list events in namespace ${ns}, where the audit trail is kept`,
    );
  const rows: AuditRow[] = [];
  for (const e of cache.objects('events')) {
    if (e.metadata.namespace !== ns) continue;
    const row = auditRowFromEvent(e as Parameters<typeof auditRowFromEvent>[0], (ev) => verifyAuditEvent(ev));
    if (row) rows.push(row);
  }
  const items = filterAudit(rows, q);
  return {
    items: items.slice(0, q.limit),
    total: items.length,
    namespace: ns,
    health: await healthFor(session, cache, signal),
  };
});
