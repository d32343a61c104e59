import { z } from 'zod';
import { auditFilterQuery, auditRetentionMs, readAuditTrail } from '@/lib/server/audit/read-trail';
import { route } from '@/lib/server/http/route';
import { healthFor } from '@/lib/server/views/health-for';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  ...auditFilterQuery,
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
});

/**
 * The audit trail: the panel's audit Events in the audit namespace, from the watch cache, newest
 * first — for users Kubernetes lets list events there. Each row says whether its MAC proves the
 * panel wrote it (`verified`); anyone who may create Events there can add rows that look alike.
 * `retentionMs` is how long the records live, so the page offers no longer time filter.
 */
export const GET = route({ query }, async ({ session, query: { limit, ...filter }, signal }) => {
  const { rows, namespace } = await readAuditTrail(session, filter, signal);
  return {
    items: rows.slice(0, limit),
    total: rows.length,
    namespace,
    retentionMs: auditRetentionMs(),
    health: await healthFor(session, syncedCache(), signal),
  };
});
