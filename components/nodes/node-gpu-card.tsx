import type { GpuAllocation } from '@/lib/gpu';
import { sumAllocations } from '@/lib/overview';
import { GpuBar } from '../charts/gpu-bar';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Stat } from '../ui/stat';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

/** A node's GPU allocation: headline numbers and one row per GPU resource with a bar. */
export function NodeGpuCard({ node, allocation }: { node: string; allocation: GpuAllocation[] | undefined }) {
  const t = allocation ? sumAllocations(allocation) : null;
  return (
    <Card data-testid="node-gpu-allocation">
      <CardHeader title="GPU allocation" aside="requested by pods bound to this node (not finished)" />
      <CardBody className="grid grid-cols-4 gap-4">
        <Stat label="Capacity" value={t ? t.capacity : '…'} testId={t ? `gpu-capacity-${node}` : undefined} />
        <Stat label="Allocatable" value={t ? t.allocatable : '…'} testId={t ? `gpu-allocatable-${node}` : undefined} />
        <Stat label="Requested" value={t ? t.requested : '…'} testId={t ? `gpu-requested-${node}` : undefined} />
        <Stat label="Free" value={t ? t.free : '…'} testId={t ? `gpu-free-${node}` : undefined} tone={t && t.free < 0 ? 'bad' : undefined} />
      </CardBody>
      {allocation && allocation.length > 0 && (
        <Table className="border-t border-zinc-200">
          <THead>
            <tr>
              <TH>Resource</TH><TH className="text-right">Capacity</TH><TH className="text-right">Allocatable</TH>
              <TH className="text-right">Requested</TH><TH className="text-right">Free</TH><TH className="w-1/3">Used</TH>
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
                <TD><GpuBar requested={a.requested} allocatable={a.allocatable} /></TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      {allocation && allocation.length === 0 && (
        <p className="border-t border-zinc-200 px-4 py-3 text-sm text-zinc-500">This node offers no GPU resources.</p>
      )}
    </Card>
  );
}
