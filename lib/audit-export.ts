/**
 * The audit trail as a file: CSV (one line per record, safe to open in a spreadsheet) or JSON.
 * Pure; the export route (app/api/audit/export/route.ts) brings the filtered rows.
 */
import { formatTime } from './time/format-time';
import { clientText, targetText, type AuditRow } from './audit';

/** The formats the export offers. */
export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

const COLUMNS = ['time', 'user', 'action', 'target', 'result', 'client', 'verified', 'message', 'details'] as const;

/**
 * One CSV cell. A cell a spreadsheet would run as a formula (starting with = + - @, or a tab or
 * carriage return before one) gets a leading `'` (OWASP's advice against CSV injection); a cell with
 * a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function fields(r: AuditRow, zone: string): Record<(typeof COLUMNS)[number], string> {
  return {
    // The panel's one time format, in the viewer's zone (UTC or local); JSON adds the raw value.
    time: formatTime(r.time, zone),
    user: r.user,
    action: r.action,
    target: targetText(r.target),
    result: r.result,
    client: clientText(r.client),
    verified: r.verified ? 'true' : 'false',
    message: r.message,
    details: r.details ? JSON.stringify(r.details) : '',
  };
}

/** The rows as CSV with a header line, CRLF line ends (RFC 4180); times in `zone` (an IANA name or UTC). */
export function auditCsv(rows: readonly AuditRow[], zone = 'UTC'): string {
  const lines = [COLUMNS.join(',')];
  for (const r of rows) {
    const f = fields(r, zone);
    lines.push(COLUMNS.map((c) => csvCell(f[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows as a JSON array of the same fields as the CSV (plus groups and the raw client). */
export function auditJson(rows: readonly AuditRow[], zone = 'UTC'): string {
  return JSON.stringify(
    rows.map((r) => ({
      ...fields(r, zone),
      details: r.details ?? null,
      groups: r.groups ?? [],
      clientRaw: r.client ?? null,
      timeRaw: r.time,
    })),
    null,
    2,
  );
}

/** The download's file name for a format at a time, e.g. `imagepod-audit-2026-12-02T0612Z.csv`. */
export function auditExportName(format: AuditExportFormat, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replaceAll(':', '').replace(/$/, 'Z');
  return `imagepod-audit-${stamp}.${format}`;
}
