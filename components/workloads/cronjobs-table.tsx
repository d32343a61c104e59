'use client';

import Link from 'next/link';
import { batchTestId, cronJobHref } from '@/lib/batch/batch-list';
import type { CronJobRow } from '@/lib/batch/cronjob-row';
import { nextRun } from '@/lib/batch/next-run';
import { formatAge, formatRelative } from '@/lib/format';
import { Badge } from '../ui/badge';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';
import { GpuPerPodCell } from './gpu-cell';

/**
 * CronJobs as `kubectl get cronjobs` shows them (schedule, suspend, active, last schedule) plus
 * the next run, computed from the schedule, and the GPUs one pod requests.
 */
export function CronJobsTable({ rows, now, emptyText }: { rows: CronJobRow[]; now: number; emptyText: string }) {
  return (
    <TableScroll>
      <Table data-testid="cronjobs-table" className="min-w-[1000px]">
        <THead>
          <tr>
            <TH>Namespace</TH>
            <TH>Name</TH>
            <TH>Schedule</TH>
            <TH>State</TH>
            <TH className="text-right">Active</TH>
            <TH className="text-right">Last run</TH>
            <TH className="text-right">Next run</TH>
            <TH className="text-right" title="GPUs each pod requests">
              GPU / pod
            </TH>
            <TH className="text-right">Age</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((c) => {
            const id = (part: string) => batchTestId('cronjob', part, c);
            const next = c.suspended ? null : nextRun(c.schedule, c.timeZone, now);
            return (
              <TR key={c.key} data-testid={id('row')}>
                <TD className="font-mono text-[12.5px] text-zinc-600">{c.namespace}</TD>
                <TD className="font-mono text-[12.5px] font-medium">
                  <Link href={cronJobHref(c)} data-testid={id('link')} className="text-indigo-700 hover:underline">
                    {c.name}
                  </Link>
                </TD>
                <TD className="font-mono text-[12.5px]" title={c.timeZone ?? 'UTC'}>
                  {c.schedule}
                </TD>
                <TD>
                  {c.suspended ? (
                    <Badge tone="warn" data-testid={id('state')} data-suspended="true">
                      Suspended
                    </Badge>
                  ) : (
                    <Badge tone="ok" data-testid={id('state')} data-suspended="false">
                      Scheduled
                    </Badge>
                  )}
                </TD>
                <TD data-testid={id('active')} className="text-right tabular-nums">
                  {c.active.length}
                </TD>
                <TD className="text-right tabular-nums" title={c.lastScheduleTime ?? undefined}>
                  {formatRelative(c.lastScheduleTime, now)}
                </TD>
                <TD data-testid={id('next')} className="text-right tabular-nums" title={next ?? undefined}>
                  {c.suspended ? <span className="text-zinc-400">suspended</span> : formatRelative(next, now)}
                </TD>
                <GpuPerPodCell gpuPerPod={c.gpuPerPod} testId={id('gpu')} />
                <TD className="text-right text-zinc-600 tabular-nums">{formatAge(c.createdAt, now)}</TD>
              </TR>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={9}
                data-testid="cronjobs-table-empty"
                className="px-3 py-8 text-center text-sm text-zinc-500"
              >
                {emptyText}
              </td>
            </tr>
          )}
        </TBody>
      </Table>
    </TableScroll>
  );
}
