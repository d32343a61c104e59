import { z } from 'zod';
import { AUDIT_EXPORT_FORMATS, auditCsv, auditExportName, auditJson } from '@/lib/audit-export';
import { auditFilterQuery, readAuditTrail } from '@/lib/server/audit/read-trail';
import { route } from '@/lib/server/http/route';
import { parseTimeZone, TIME_ZONE_COOKIE, zoneOf } from '@/lib/time/zone';

export const dynamic = 'force-dynamic';

const query = z.strictObject({ ...auditFilterQuery, format: z.enum(AUDIT_EXPORT_FORMATS) });

/**
 * `GET /api/audit/export?format=csv|json&user=&action=&result=&since=&until=`: every audit record
 * the filter keeps (unfolded, newest first) as a download, for the users the audit route serves,
 * its times in the viewer's UTC/local setting (JSON also carries each raw time).
 */
export const GET = route({ query }, async ({ req, session, query: { format, ...filter }, signal }) => {
  const { rows } = await readAuditTrail(session, filter, signal);
  // Times as the viewer reads them on the page: the UTC/local setting's cookie (unknown → UTC).
  const zone = zoneOf(parseTimeZone(req.cookies.get(TIME_ZONE_COOKIE)?.value));
  const body = format === 'csv' ? auditCsv(rows, zone) : auditJson(rows, zone);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${auditExportName(format, new Date())}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
