import { z } from 'zod';
import { AUDIT_EXPORT_FORMATS, auditCsv, auditExportName, auditJson } from '@/lib/audit-export';
import { auditFilterQuery, readAuditTrail } from '@/lib/server/audit/read-trail';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const query = z.strictObject({ ...auditFilterQuery, format: z.enum(AUDIT_EXPORT_FORMATS) });

/**
 * `GET /api/audit/export?format=csv|json&user=&action=&result=&since=&until=`: every audit record
 * the filter keeps (unfolded, newest first) as a download, for the users the audit route serves.
 */
export const GET = route({ query }, async ({ session, query: { format, ...filter }, signal }) => {
  const { rows } = await readAuditTrail(session, filter, signal);
  const body = format === 'csv' ? auditCsv(rows) : auditJson(rows);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auditExportName(format, new Date())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
