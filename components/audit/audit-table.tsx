import { AbsoluteTime, Age } from '../time/time-text';
import { useFormatTime } from '../time/time-zone';
import { clientText, targetText, type AuditResult } from '@/lib/audit';
import type { FoldedAuditRow } from '@/lib/audit-fold';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';
import { EmptyState } from '../ui/state';
import { TBody, TD, TH, THead, TR, Table, TableScroll } from '../ui/table';

const RESULT_TONE: Record<AuditResult, Tone> = { success: 'ok', failure: 'bad', denied: 'warn' };

/** How the panel learnt a record's client address, for the cell's tooltip. */
function clientTitle(client: string | undefined): string {
  if (!client) return 'Not recorded (an older record, or written away from a request)';
  if (client.startsWith('proxy:')) return 'As the trusted proxy gives it (X-Forwarded-For)';
  if (client.startsWith('peer:')) return "The connection's address (no trusted proxy configured)";
  return 'No address: the request came without one';
}

/**
 * The audit trail's rows, runs of identical records folded into one row with a count (lib/audit-fold.ts),
 * each with the client address the request came from.
 */
export function AuditTable({ rows, now }: { rows: FoldedAuditRow[]; now: number }) {
  const fmt = useFormatTime();
  if (rows.length === 0)
    return (
      <EmptyState testId="audit-empty" title="No actions match">
        Nothing recorded for these filters.
      </EmptyState>
    );
  return (
    <TableScroll>
      <Table data-testid="audit-table">
        <THead>
          <tr>
            <TH>Time</TH>
            <TH>User</TH>
            <TH>Action</TH>
            <TH>Target</TH>
            <TH>Result</TH>
            <TH title="The client's address as the trusted proxy gives it (X-Forwarded-For), else the socket's">
              Client
            </TH>
            <TH>Details</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR
              key={r.key}
              data-testid="audit-row"
              data-action={r.action}
              data-user={r.user}
              data-result={r.result}
              data-count={r.count}
              data-verified={r.verified ? 'true' : 'false'}
              className={r.verified ? undefined : 'bg-amber-50/60'}
            >
              <TD className="whitespace-nowrap">
                <AbsoluteTime at={r.time} />
                <span className="ml-1.5 text-xs text-zinc-400">
                  <Age at={r.time} now={now} suffix=" ago" />
                </span>
                {r.count > 1 && (
                  <span
                    data-testid="audit-fold-count"
                    className="ml-1.5"
                    title={`${r.count} identical records from ${fmt(r.firstTime)} to ${fmt(r.time)}`}
                  >
                    <Badge tone="neutral">×{r.count}</Badge>
                  </span>
                )}
              </TD>
              <TD className="max-w-96 truncate font-mono text-xs" title={r.user}>
                {r.user}
              </TD>
              <TD>
                <code className="text-xs">{r.action}</code>
              </TD>
              <TD className="font-mono text-xs">{targetText(r.target) || <span className="text-zinc-400">—</span>}</TD>
              <TD className="whitespace-nowrap">
                <Badge tone={RESULT_TONE[r.result]}>{r.result}</Badge>
                {!r.verified && <UnverifiedBadge />}
              </TD>
              <TD
                data-testid="audit-client"
                className="font-mono text-xs whitespace-nowrap"
                title={clientTitle(r.client)}
              >
                {clientText(r.client) || <span className="text-zinc-400">—</span>}
              </TD>
              <TD className="max-w-[32rem] text-xs text-zinc-600" title={r.message}>
                <span className="line-clamp-2">{r.message}</span>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </TableScroll>
  );
}

/**
 * A row whose MAC does not prove the panel wrote it: someone with the right to create Events in
 * the audit namespace may have written it (or an earlier panel with another session secret did).
 */
function UnverifiedBadge() {
  return (
    <span
      data-testid="audit-unverified"
      className="ml-1.5"
      title="Not signed by this panel: anyone who may create Events in this namespace could have written this row (or it was written under another session secret)"
    >
      <Badge tone="warn">unverified</Badge>
    </span>
  );
}
