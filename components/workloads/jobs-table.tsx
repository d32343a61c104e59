'use client';

import Link from 'next/link';
import { batchTestId, cronJobHref, jobHref } from '@/lib/batch/batch-list';
import { completionsText, jobDurationMs, type JobRow } from '@/lib/batch/job-row';
import { formatAge, humanDuration } from '@/lib/format';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';
import { GpuPerPodCell } from './gpu-cell';
import { JobBadge } from './job-badge';

/**
 * Jobs as `kubectl get jobs` shows them (completions, duration, age) with active/succeeded/failed,
 * the CronJob that made each, and the GPUs one pod requests. Always rendered; empty, it says why.
 */
export function JobsTable({
  rows,
  now,
  emptyText,
  showCronJob = true,
  testId = 'jobs-table',
}: {
  rows: JobRow[];
  now: number;
  emptyText: string;
  showCronJob?: boolean;
  testId?: string;
}) {
  const cols = showCronJob ? 11 : 10;
  return (
    <TableScroll>
      <Table data-testid={testId} className="min-w-[1000px]">
        <THead>
          <tr>
            <TH>Namespace</TH>
            <TH>Name</TH>
            <TH>Status</TH>
            <TH className="text-right">Completions</TH>
            <TH className="text-right">Active</TH>
            <TH className="text-right">Succeeded</TH>
            <TH className="text-right">Failed</TH>
            <TH className="text-right">Duration</TH>
            <TH className="text-right" title="GPUs each pod requests">
              GPU / pod
            </TH>
            {showCronJob && <TH>CronJob</TH>}
            <TH className="text-right">Age</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((j) => {
            const id = (part: string) => batchTestId('job', part, j);
            const ms = jobDurationMs(j, now);
            return (
              <TR key={j.key} data-testid={id('row')}>
                <TD className="font-mono text-[12.5px] text-zinc-600">{j.namespace}</TD>
                <TD className="font-mono text-[12.5px] font-medium">
                  <Link href={jobHref(j)} data-testid={id('link')} className="text-indigo-700 hover:underline">
                    {j.name}
                  </Link>
                </TD>
                <TD>
                  <JobBadge job={j} testId={id('phase')} />
                </TD>
                <TD data-testid={id('completions')} className="text-right tabular-nums">
                  {completionsText(j)}
                </TD>
                <TD data-testid={id('active')} className="text-right tabular-nums">
                  {j.active}
                </TD>
                <TD data-testid={id('succeeded')} className="text-right tabular-nums">
                  {j.succeeded}
                </TD>
                <TD
                  data-testid={id('failed')}
                  className={
                    j.failed > 0 ? 'text-right font-semibold text-red-700 tabular-nums' : 'text-right tabular-nums'
                  }
                >
                  {j.failed}
                </TD>
                <TD data-testid={id('duration')} className="text-right tabular-nums">
                  {ms === null ? '—' : humanDuration(ms)}
                </TD>
                <GpuPerPodCell gpuPerPod={j.gpuPerPod} testId={id('gpu')} />
                {showCronJob && (
                  <TD className="font-mono text-[12.5px]">
                    {j.cronJob ? (
                      <Link
                        href={cronJobHref({ namespace: j.namespace, name: j.cronJob })}
                        className="text-indigo-700 hover:underline"
                      >
                        {j.cronJob}
                      </Link>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                    {j.manual && <span className="ml-1 text-xs text-zinc-500">(manual)</span>}
                  </TD>
                )}
                <TD className="text-right text-zinc-600 tabular-nums">{formatAge(j.createdAt, now)}</TD>
              </TR>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={cols}
                data-testid={`${testId}-empty`}
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
