import Link from 'next/link';
import { podHref } from '@/lib/gpu-page/pod-links';
import { podHoldsResources } from '@/lib/gpu';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import { podGpuCell } from '@/lib/gpu/pod-units';
import type { PodRow } from '@/lib/views';
import { PodStatusBadge } from '../pods/pod-status-badge';
import { Card, CardHeader } from '../ui/card';
import { cn } from '../ui/cn';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { Age } from '../time/time-text';

/** The pods bound to a node with their GPU units and claims; finished pods are dimmed (they hold no GPU). */
export function NodePodsTable({
  pods,
  now,
  model,
}: {
  pods: PodRow[] | undefined;
  now: number;
  model?: GpuClusterModel;
}) {
  return (
    <Card data-testid="node-pods">
      <CardHeader title="Pods on this node" aside={pods ? `${pods.length} pods` : 'loading…'} />
      {pods && pods.length === 0 && <p className="px-4 py-3 text-sm text-zinc-500">No pods are bound to this node.</p>}
      {pods && pods.length > 0 && (
        <Table>
          <THead>
            <tr>
              <TH>Namespace</TH>
              <TH>Name</TH>
              <TH>Status</TH>
              <TH className="text-right">Restarts</TH>
              <TH
                className="text-right"
                title="GPU units requested and DRA claims (counted while the pod is not finished)"
              >
                GPU
              </TH>
              <TH className="text-right">Age</TH>
            </tr>
          </THead>
          <TBody>
            {pods.map((p) => {
              const cell = podGpuCell(p, model?.holdings.get(p.key));
              const holds = podHoldsResources(p);
              return (
                <TR
                  key={p.key}
                  data-testid={`node-pod-${p.namespace}-${p.name}`}
                  className={cn(!holds && 'opacity-60')}
                >
                  <TD className="font-mono text-[12.5px] text-zinc-600">{p.namespace}</TD>
                  <TD className="font-mono text-[12.5px]">
                    <Link href={podHref(p)} className="text-indigo-700 hover:underline">
                      {p.name}
                    </Link>
                  </TD>
                  <TD>
                    <PodStatusBadge pod={p} />
                  </TD>
                  <TD className="text-right tabular-nums">{p.restarts}</TD>
                  <TD
                    data-testid={`node-pod-gpu-${p.namespace}-${p.name}`}
                    title={cell.title}
                    className={cn(
                      'text-right whitespace-nowrap tabular-nums',
                      cell.text && holds && 'font-semibold text-zinc-900',
                    )}
                  >
                    {cell.text || '—'}
                  </TD>
                  <TD className="text-right text-zinc-500 tabular-nums">
                    <Age at={p.createdAt} now={now} />
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
