'use client';

import Link from 'next/link';
import { drainReport, progressOf, type PodProgress, type ProgressRow } from '@/lib/drain/outcome';
import { podHref } from '@/lib/gpu-page/pod-links';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import type { DrainRunState } from './use-drain-run';

const TONE: Record<PodProgress, Tone> = {
  waiting: 'neutral',
  evicting: 'info',
  evicted: 'info',
  gone: 'ok',
  blocked: 'warn',
  skipped: 'neutral',
  failed: 'bad',
};

function label(r: ProgressRow): string {
  if (r.progress === 'blocked') return r.pdb ? `blocked by PDB ${r.pdb}` : 'blocked by a PDB';
  if (r.progress === 'skipped') return 'left';
  return r.progress;
}

/**
 * The drain's live progress and its report: a row per pod (evicting → evicted → gone as the
 * pods view, fed by the page's one stream, sees it leave), what a budget blocked and why, with
 * Retry for those; Stop while requests are going out.
 */
export function NodeDrainProgress({
  node,
  run,
  onNode,
  onRetry,
  onStop,
  onDismiss,
}: {
  node: string;
  run: DrainRunState;
  /** uids of the pods bound to the node now (from the live pods view); null while it loads. */
  onNode: ReadonlySet<string> | null;
  onRetry: (uids: string[]) => void;
  onStop: () => void;
  onDismiss: () => void;
}) {
  const rows = [
    ...run.pods.map((p) => progressOf(p, run.steps[p.uid], onNode === null || onNode.has(p.uid))),
    ...run.left.map((p): ProgressRow => ({ ...p, progress: 'skipped' })),
  ];
  const report = drainReport(rows);
  const c = report.counts;
  const summary = [
    `${c.gone} gone`,
    c.evicted ? `${c.evicted} terminating` : '',
    c.blocked ? `${c.blocked} blocked by a budget` : '',
    c.failed ? `${c.failed} failed` : '',
    c.skipped ? `${c.skipped} left` : '',
    c.waiting + c.evicting ? `${c.waiting + c.evicting} to go` : '',
  ].filter(Boolean);
  return (
    <Card data-testid="drain-progress" data-running={report.running || run.active}>
      <CardHeader
        title={
          <>
            Drain of <span className="font-mono">{node}</span>
            {report.running || run.active ? ' — running' : ' — done'}
          </>
        }
        aside={
          <span className="flex items-center gap-2">
            <span data-testid="drain-summary">{summary.join(' · ')}</span>
            {run.active ? (
              <Button size="sm" data-testid="drain-stop" onClick={onStop} title="Send no further evictions">
                Stop
              </Button>
            ) : (
              <Button size="sm" variant="ghost" data-testid="drain-dismiss" onClick={onDismiss}>
                Dismiss
              </Button>
            )}
          </span>
        }
      />
      {run.error && (
        <p role="alert" className="px-4 py-2 text-sm text-red-700" data-testid="drain-error">
          The drain stopped: {run.error}
        </p>
      )}
      {!run.active && report.blocked.length > 0 && (
        <CardBody
          className="flex flex-col gap-2 border-b border-zinc-200 bg-amber-50"
          data-testid="drain-blocked-report"
        >
          <p className="text-sm font-medium text-amber-900">
            {report.blocked.length} pod{report.blocked.length === 1 ? ' was' : 's were'} not evicted: a
            PodDisruptionBudget allowed no disruption. They keep running on this cordoned node.
          </p>
          <ul className="flex flex-col gap-1 text-sm">
            {report.blocked.map((r) => (
              <li key={r.uid} data-testid={`drain-blocked-${r.namespace}-${r.name}`}>
                <span className="font-mono">
                  {r.namespace}/{r.name}
                </span>{' '}
                — PDB <span className="font-mono">{r.pdb ?? '(not named)'}</span>: {r.message}
              </li>
            ))}
          </ul>
          <div>
            <Button data-testid="drain-retry" onClick={() => onRetry(report.blocked.map((r) => r.uid))}>
              Retry {report.blocked.length} blocked
            </Button>
          </div>
        </CardBody>
      )}
      <Table>
        <THead>
          <tr>
            <TH>Pod</TH>
            <TH>State</TH>
            <TH>Message</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.uid} data-testid={`drain-row-${r.namespace}-${r.name}`} data-progress={r.progress}>
              <TD className="font-mono text-[12.5px]">
                <Link href={podHref(r)} className="text-indigo-700 hover:underline">
                  {r.namespace}/{r.name}
                </Link>
              </TD>
              <TD>
                <Badge tone={TONE[r.progress]}>{label(r)}</Badge>
              </TD>
              <TD className="text-xs text-zinc-600">{r.message}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
