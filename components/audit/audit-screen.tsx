'use client';

import { useMemo, useState } from 'react';
import { AUDIT_ACTIONS, targetText, type AuditAction, type AuditResult, type AuditRow } from '@/lib/audit';
import { useAuditQuery } from '@/lib/queries/audit/audit-query';
import type { Tone } from '@/lib/status-tone';
import { QueryError, QueryPending } from '../feedback/query-states';
import { useNow } from '../hooks/use-now';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { Input, Select } from '../ui/select';
import { TableSkeleton } from '../ui/skeleton';
import { EmptyState } from '../ui/state';
import { TBody, TD, TH, THead, TR, Table, TableScroll } from '../ui/table';
import { AbsoluteTime, Age } from '../time/time-text';

const RANGES = [
  { value: '', label: 'Any time' },
  { value: '3600000', label: 'Last hour' },
  { value: '86400000', label: 'Last 24 hours' },
  { value: '604800000', label: 'Last 7 days' },
] as const;
const RESULT_TONE: Record<AuditResult, Tone> = { success: 'ok', failure: 'bad', denied: 'warn' };

/** The audit trail: every action taken through the panel, filterable by user, action, result and time. */
export function AuditScreen() {
  const now = useNow(30_000);
  const [user, setUser] = useState('');
  const [action, setAction] = useState<AuditAction | ''>('');
  const [result, setResult] = useState<AuditResult | ''>('');
  const [range, setRange] = useState('');
  // The "since" bound moves in whole minutes, so the query key is stable between renders.
  const since = range ? new Date(Math.floor((now - Number(range)) / 60_000) * 60_000).toISOString() : undefined;
  const filter = useMemo(
    () => ({ user: user.trim() || undefined, action: action || undefined, result: result || undefined, since }),
    [user, action, result, since],
  );
  const query = useAuditQuery(filter);
  const data = query.data;

  return (
    <>
      <PageHeader
        title="Audit"
        subtitle={
          data ? (
            <span data-testid="audit-count">
              {data.total} {data.total === 1 ? 'action' : 'actions'} recorded as Events in namespace{' '}
              <code>{data.namespace}</code>
            </span>
          ) : (
            'Who did what through the panel'
          )
        }
      />
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          <Input
            data-testid="audit-user-filter"
            type="search"
            aria-label="User"
            placeholder="user…"
            value={user}
            onChange={(e) => setUser(e.target.value)}
            className="w-64"
          />
          <Select
            data-testid="audit-action-filter"
            aria-label="Action"
            value={action}
            onChange={(e) => setAction(AUDIT_ACTIONS.find((a) => a === e.target.value) ?? '')}
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </Select>
          <Select
            data-testid="audit-result-filter"
            aria-label="Result"
            value={result}
            onChange={(e) =>
              setResult((['success', 'failure', 'denied'] as const).find((r) => r === e.target.value) ?? '')
            }
          >
            <option value="">All results</option>
            <option value="success">success</option>
            <option value="denied">denied</option>
            <option value="failure">failure</option>
          </Select>
          <Select
            data-testid="audit-range-filter"
            aria-label="Time range"
            value={range}
            onChange={(e) => setRange(e.target.value)}
          >
            {RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
        {!data ? (
          <QueryPending
            query={query}
            what="the audit trail"
            skeleton={<TableSkeleton rows={8} testId="audit-loading" />}
          />
        ) : (
          <>
            {query.isError && <QueryError query={query} what="the latest audit trail" />}
            <AuditTable rows={data.items} now={now} />
            <p className="text-xs text-zinc-500">
              The API server keeps Events for its <code>--event-ttl</code> (one hour by default); every record is also
              written to the panel&apos;s log as an <code>[audit]</code> line. Rows marked <em>unverified</em> carry no
              valid signature of this panel: anyone who may create Events in the namespace could have written them.
            </p>
          </>
        )}
      </div>
    </>
  );
}

function AuditTable({ rows, now }: { rows: AuditRow[]; now: number }) {
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
              data-verified={r.verified ? 'true' : 'false'}
              className={r.verified ? undefined : 'bg-amber-50/60'}
            >
              <TD className="whitespace-nowrap">
                <AbsoluteTime at={r.time} />
                <span className="ml-1.5 text-xs text-zinc-400">
                  <Age at={r.time} now={now} suffix=" ago" />
                </span>
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
