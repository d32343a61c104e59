'use client';

import { useState } from 'react';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { historyVersion, useHistoryQuery } from '@/lib/queries/workloads/history-query';
import type { HistoryRow } from '@/lib/rollout-history';
import type { WorkloadRow } from '@/lib/views';
import { useNow } from '../hooks/use-now';
import { QueryPending } from '../feedback/query-states';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { TableSkeleton } from '../ui/skeleton';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';
import { workloadRef } from './rollout-actions';
import { UndoDialog } from './undo-dialog';
import { Age } from '../time/time-text';
import { MiddleTruncate } from '../ui/middle-truncate';

/**
 * `kubectl rollout history` as a table, newest first, each older revision with "Roll back to
 * this" (behind a diff confirmation). Read again whenever the live workload row moves on.
 */
export function RolloutHistory({ w, access }: { w: WorkloadRow; access: AccessAnswer | undefined }) {
  const ref = workloadRef(w);
  const q = useHistoryQuery(ref, historyVersion(w));
  const [target, setTarget] = useState<HistoryRow | null>(null);
  const now = useNow();
  if (!q.data)
    return (
      <QueryPending
        query={q}
        what="the rollout history"
        skeleton={<TableSkeleton rows={3} testId="history-loading" />}
      />
    );
  const denied =
    access && !access.allowed
      ? `Kubernetes does not allow you to change ${w.kind} ${w.name}${access.reason ? `: ${access.reason}` : ''}`
      : null;
  return (
    <>
      <TableScroll>
        <Table data-testid="history-table">
          <THead>
            <tr>
              <TH>Revision</TH>
              <TH>Change cause</TH>
              <TH>Images</TH>
              <TH>Age</TH>
              <TH />
            </tr>
          </THead>
          <TBody>
            {q.data.rows.map((r) => (
              <TR key={r.name} data-testid={`history-row-${r.revision}`} data-current={r.current}>
                <TD className="whitespace-nowrap tabular-nums">
                  <span className="font-medium">{r.revision}</span>
                  {r.current && (
                    <Badge tone="ok" className="ml-2" data-testid="history-current">
                      current
                    </Badge>
                  )}
                </TD>
                <TD className="max-w-72 text-zinc-600">{r.changeCause ?? <span className="text-zinc-400">—</span>}</TD>
                <TD className="max-w-80">
                  {r.images.map((img, i) => (
                    <MiddleTruncate
                      key={`${i}-${img}`}
                      text={img}
                      tagged
                      className="font-mono text-[11.5px] text-zinc-600"
                    />
                  ))}
                </TD>
                <TD className="whitespace-nowrap text-zinc-600">
                  <Age at={r.createdAt} now={now} />
                </TD>
                <TD className="text-right">
                  {!r.current && (
                    <Button
                      size="sm"
                      data-testid={`history-undo-${r.revision}`}
                      disabled={!access || Boolean(denied)}
                      title={denied ?? `Show the template diff, then roll back to revision ${r.revision}`}
                      onClick={() => setTarget(r)}
                    >
                      Roll back to this
                    </Button>
                  )}
                </TD>
              </TR>
            ))}
            {q.data.rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-sm text-zinc-500">
                  No revisions recorded yet.
                </td>
              </tr>
            )}
          </TBody>
        </Table>
      </TableScroll>
      <UndoDialog workload={ref} current={q.data.template} target={target} onClose={() => setTarget(null)} />
    </>
  );
}
