import type { GpuAllocation } from '@/lib/gpu';
import { nodeGpuNumbers } from '@/lib/gpu/inventory';
import type { NodeGpuModel, PhysicalGpu } from '@/lib/gpu/model-types';
import { sumAllocations } from '@/lib/overview';
import { GpuBar } from '../charts/gpu-bar';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Stat } from '../ui/stat';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

const LAYOUT: Record<PhysicalGpu['layout'], string> = { whole: 'whole', mig: 'MIG', shared: 'shared' };

/** One physical GPU as a line: product, how it is cut, and how many of its units are held. */
function gpuLine(g: PhysicalGpu): string {
  const held = g.units.filter((u) => u.state === 'allocated').length;
  const cut = g.layout === 'whole' ? '' : ` · ${LAYOUT[g.layout]} ${g.units.length} units`;
  return `${g.product ?? g.vendor}${cut} · ${held ? `${held} held` : 'free'}${g.source === 'dra' ? ' · DRA' : ''}`;
}

/**
 * A node's GPUs from the GPU model: physical GPUs (free / total), unit numbers summed over whole
 * GPUs, MIG slices, shares and DRA devices, one row per resource or DRA unit kind with a bar, and
 * each physical GPU with its layout and state.
 */
export function NodeGpuCard({
  node,
  allocation,
  model,
}: {
  node: string;
  allocation: GpuAllocation[] | undefined;
  model?: NodeGpuModel;
}) {
  const t = allocation ? sumAllocations(allocation) : null;
  const n = model ? nodeGpuNumbers(model) : null;
  return (
    <Card data-testid="node-gpu-allocation">
      <CardHeader
        title="GPU allocation"
        aside="units requested by pods bound to this node (not finished) or allocated to claims"
      />
      <CardBody className="grid grid-cols-6 gap-4">
        <Stat
          label="Physical GPUs"
          value={n ? `${n.physical}${n.estimated ? '~' : ''}` : t ? 0 : '…'}
          testId={t ? `gpu-physical-${node}` : undefined}
        />
        <Stat
          label="GPUs free"
          value={n ? n.physicalFree : t ? 0 : '…'}
          testId={t ? `gpu-physical-free-${node}` : undefined}
        />
        <Stat label="Units" value={t ? t.capacity : '…'} testId={t ? `gpu-capacity-${node}` : undefined} />
        <Stat label="Allocatable" value={t ? t.allocatable : '…'} testId={t ? `gpu-allocatable-${node}` : undefined} />
        <Stat label="Requested" value={t ? t.requested : '…'} testId={t ? `gpu-requested-${node}` : undefined} />
        <Stat
          label="Free"
          value={t ? t.free : '…'}
          testId={t ? `gpu-free-${node}` : undefined}
          tone={t && t.free < 0 ? 'bad' : undefined}
        />
      </CardBody>
      {allocation && allocation.length > 0 && (
        <Table className="border-t border-zinc-200">
          <THead>
            <tr>
              <TH>Resource</TH>
              <TH className="text-right">Capacity</TH>
              <TH className="text-right">Allocatable</TH>
              <TH className="text-right">Requested</TH>
              <TH className="text-right">Free</TH>
              <TH className="w-1/3">Used</TH>
            </tr>
          </THead>
          <TBody>
            {allocation.map((a) => (
              <TR key={a.resource} data-testid={`node-gpu-resource-${a.resource}`}>
                <TD className="font-mono text-[12.5px]">{a.resource}</TD>
                <TD className="text-right tabular-nums">{a.capacity}</TD>
                <TD className="text-right tabular-nums">{a.allocatable}</TD>
                <TD className="text-right tabular-nums">{a.requested}</TD>
                <TD className="text-right tabular-nums">{a.free}</TD>
                <TD>
                  <GpuBar requested={a.requested} allocatable={a.allocatable} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {model && model.gpus.length > 0 && (
        <ul
          data-testid="node-physical-gpus"
          className="grid gap-x-4 border-t border-zinc-200 px-4 py-2 text-xs text-zinc-600 sm:grid-cols-2"
        >
          {model.gpus.map((g) => (
            <li
              key={g.id}
              data-testid={`node-gpu-${g.id}`}
              data-state={g.state}
              className="truncate font-mono"
              title={g.uuid ?? g.id}
            >
              {g.id}: {gpuLine(g)}
            </li>
          ))}
        </ul>
      )}
      {allocation && allocation.length === 0 && (
        <p className="border-t border-zinc-200 px-4 py-3 text-sm text-zinc-500">This node offers no GPU resources.</p>
      )}
    </Card>
  );
}
