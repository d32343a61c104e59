'use client';

import { useMemo, useState } from 'react';
import { AUDIT_ACTIONS } from '@/lib/audit';
import { foldAudit } from '@/lib/audit-fold';
import { AUDIT_RANGES, auditRanges } from '@/lib/audit-window';
import { auditUrl, useAuditQuery } from '@/lib/queries/audit/audit-query';
import { AUDIT_PAGE_FIELDS, type PageState } from '@/lib/url-state/page-fields';
import { QueryError, QueryPending } from '../feedback/query-states';
import { useNow } from '../hooks/use-now';
import { useUrlState } from '../hooks/use-url-state';
import { PageHeader } from '../layout/page-header';
import { Input, Select } from '../ui/select';
import { TableSkeleton } from '../ui/skeleton';
import { AuditTable } from './audit-table';

const RESULTS = ['success', 'failure', 'denied'] as const;

/**
 * The audit trail: every action taken through the panel, filterable by user, action, result and
 * time (the filters in the URL; no time filter longer than the records live), repeated records
 * folded, and the filtered records for download as CSV or JSON.
 */
export function AuditScreen({ initial }: { initial: PageState<typeof AUDIT_PAGE_FIELDS> }) {
  const now = useNow(30_000);
  const [{ user, action, result, range }, setState] = useUrlState(AUDIT_PAGE_FIELDS, initial);
  // The answer says how long records live; until it comes every range is offered.
  const [retention, setRetention] = useState<number | null>(null);
  const offered = retention === null ? AUDIT_RANGES : auditRanges(retention);
  // A range longer than the records live (an old link) reads as "Any time".
  const shownRange = offered.find((r) => r.value === range);
  // The "since" bound moves in whole minutes, so the query key is stable between renders.
  const since = shownRange ? new Date(Math.floor((now - shownRange.ms) / 60_000) * 60_000).toISOString() : undefined;
  const filter = useMemo(
    () => ({ user: user.trim() || undefined, action: action || undefined, result: result || undefined, since }),
    [user, action, result, since],
  );
  const shown = useAuditQuery(filter);
  const data = shown.data;
  if (data && data.retentionMs !== retention) setRetention(data.retentionMs);
  const rows = useMemo(() => (data ? foldAudit(data.items) : []), [data]);

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
        actions={
          <div className="flex gap-3 text-sm font-medium">
            {(['csv', 'json'] as const).map((format) => (
              <a
                key={format}
                href={auditUrl(filter, '/api/audit/export', { format })}
                download
                data-testid={`audit-export-${format}`}
                className="text-indigo-700 hover:underline"
              >
                Export {format.toUpperCase()}
              </a>
            ))}
          </div>
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
            onChange={(e) => setState({ user: e.target.value }, 'typing')}
            className="w-64"
          />
          <Select
            data-testid="audit-action-filter"
            aria-label="Action"
            value={action}
            onChange={(e) => setState({ action: AUDIT_ACTIONS.find((a) => a === e.target.value) ?? '' })}
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
            onChange={(e) => setState({ result: RESULTS.find((r) => r === e.target.value) ?? '' })}
          >
            <option value="">All results</option>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
          <Select
            data-testid="audit-range-filter"
            aria-label="Time range"
            value={shownRange?.value ?? ''}
            onChange={(e) => setState({ range: offered.find((r) => r.value === e.target.value)?.value ?? '' })}
          >
            <option value="">Any time</option>
            {offered.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
        {!data ? (
          <QueryPending
            query={shown}
            what="the audit trail"
            skeleton={<TableSkeleton rows={8} testId="audit-loading" />}
          />
        ) : (
          <>
            {shown.isError && <QueryError query={shown} what="the latest audit trail" />}
            <AuditTable rows={rows} now={now} />
            <p className="text-xs text-zinc-500">
              The API server keeps Events for its <code>--event-ttl</code> (one hour by default); every record is also
              written to the panel&apos;s log as an <code>[audit]</code> line. Rows marked <em>unverified</em> carry no
              valid signature of this panel: anyone who may create Events in the namespace could have written them.
              Identical records in a row are shown once with their count; the export lists each.
            </p>
          </>
        )}
      </div>
    </>
  );
}
