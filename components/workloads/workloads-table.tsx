'use client';

import Link from 'next/link';
import { ObjectYamlButton } from '../objects/object-yaml';
import { sumGpus } from '@/lib/gpu';
import type { WorkloadRow } from '@/lib/views';
import { Badge } from '../ui/badge';
import { cn } from '../ui/cn';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { RolloutBadge } from './rollout-badge';
import { ScaleControl } from './scale-control';
import { workloadHref, workloadTestId } from './workload-list';
import { MiddleTruncate } from '../ui/middle-truncate';

/**
 * Deployments, StatefulSets and DaemonSets with replica counts, images, GPUs, rollout state and
 * a scale control (shown only where Kubernetes lets the user scale).
 * The table is always rendered; without rows it says why in one row.
 */
export function WorkloadsTable({
  rows,
  emptyText,
  scaleAccess,
}: {
  rows: WorkloadRow[];
  emptyText: string;
  scaleAccess: (w: WorkloadRow) => AccessAnswer | undefined;
}) {
  return (
    <TableScroll>
      <Table data-testid="workloads-table" className="min-w-[1100px]">
        <THead>
          <tr>
            <TH>Kind</TH>
            <TH>Namespace</TH>
            <TH>Name</TH>
            <TH className="text-right" title="Ready / desired">
              Ready
            </TH>
            <TH className="text-right max-lg:hidden">Up-to-date</TH>
            <TH className="text-right max-lg:hidden">Available</TH>
            <TH>Images</TH>
            <TH className="text-right" title="GPUs each pod requests">
              GPU / pod
            </TH>
            <TH>Rollout</TH>
            <TH>Scale</TH>
          </tr>
        </THead>
        <TBody>
          {rows.map((w) => {
            const gpus = sumGpus(w.gpuPerPod);
            return (
              <TR key={w.key} data-testid={workloadTestId('row', w)}>
                <TD>
                  <Badge tone="info" dot={false}>
                    {w.kind}
                  </Badge>
                </TD>
                <TD className="font-mono text-[12.5px] whitespace-nowrap text-zinc-600">{w.namespace}</TD>
                <TD className="font-mono text-[12.5px] font-medium whitespace-nowrap">
                  <Link
                    href={workloadHref(w)}
                    data-testid={workloadTestId('link', w)}
                    className="text-indigo-700 hover:underline"
                  >
                    {w.name}
                  </Link>
                  <span className="ml-2">
                    <ObjectYamlButton compact object={{ kind: w.kind, namespace: w.namespace, name: w.name }} />
                  </span>
                </TD>
                <TD
                  data-testid={workloadTestId('ready', w)}
                  className={cn(
                    'text-right whitespace-nowrap tabular-nums',
                    w.ready < w.desired ? 'font-semibold text-amber-700' : 'text-zinc-800',
                  )}
                >
                  {w.ready}/{w.desired}
                </TD>
                <TD data-testid={workloadTestId('updated', w)} className="text-right tabular-nums max-lg:hidden">
                  {w.updated}
                </TD>
                <TD data-testid={workloadTestId('available', w)} className="text-right tabular-nums max-lg:hidden">
                  {w.available}
                </TD>
                <TD className="max-w-56 lg:max-w-80">
                  <div className="flex flex-col gap-0.5">
                    {w.images.map((img, i) => (
                      <MiddleTruncate
                        key={`${i}-${img}`}
                        text={img}
                        tagged
                        className="font-mono text-[11.5px] text-zinc-600"
                      />
                    ))}
                  </div>
                </TD>
                <TD
                  data-testid={workloadTestId('gpu', w)}
                  title={
                    Object.entries(w.gpuPerPod)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join(', ') || 'No GPU request'
                  }
                  className={cn('text-right tabular-nums', gpus > 0 ? 'font-medium' : 'text-zinc-400')}
                >
                  {gpus > 0 ? gpus : '—'}
                </TD>
                <TD className="max-w-96">
                  <div className="flex flex-col items-start gap-0.5">
                    <RolloutBadge rollout={w.rollout} testId={workloadTestId('rollout', w)} />
                    <span data-testid={workloadTestId('rollout-message', w)} className="text-xs text-zinc-500">
                      {w.rollout.message}
                    </span>
                  </div>
                </TD>
                <TD className="whitespace-nowrap">
                  <ScaleControl w={w} access={scaleAccess(w)} />
                </TD>
              </TR>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={10} data-testid="workloads-empty" className="px-3 py-10 text-center text-sm text-zinc-500">
                {emptyText}
              </td>
            </tr>
          )}
        </TBody>
      </Table>
    </TableScroll>
  );
}
