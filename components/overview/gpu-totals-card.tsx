import Link from 'next/link';
import { useMemo } from 'react';
import { totalAllocation, type GpuAllocation } from '@/lib/gpu';
import { gpuInventory } from '@/lib/gpu/inventory';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import { sumAllocations } from '@/lib/overview';
import { GpuBar } from '../charts/gpu-bar';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Stat } from '../ui/stat';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { CardStatus, type CardQuery } from './card-status';

/**
 * Cluster GPU totals from the GPU model: physical GPUs and how many are free (`gpu-total-physical*`),
 * units (whole GPUs, MIG slices, shares, DRA devices) capacity / allocatable / requested / free
 * (`gpu-total-*`), then one row per resource or DRA unit kind (`gpu-total-<field>-<resource>`).
 */
export function GpuTotalsCard({
  model,
  allocation,
  queries,
}: {
  model: GpuClusterModel | undefined;
  allocation: Map<string, GpuAllocation[]> | null;
  queries: CardQuery[];
}) {
  const perResource = allocation ? totalAllocation(allocation) : [];
  const t = sumAllocations(perResource);
  const inv = useMemo(() => (model ? gpuInventory(model.nodes) : null), [model]);
  const products = inv?.byModel.map((m) => `${m.total} × ${m.product}`).join(', ');
  return (
    <Card data-testid="gpu-totals">
      <CardHeader
        title="GPUs"
        aside={
          <Link href="/nodes" className="text-indigo-700 hover:underline">
            Per node →
          </Link>
        }
      />
      <CardStatus ready={allocation !== null} queries={queries} what="nodes and pods">
        <CardBody className="flex flex-col gap-3">
          <div className="grid grid-cols-4 gap-3">
            <Stat
              label="Physical GPUs"
              value={inv ? `${inv.physical.total}${inv.physical.estimatedNodes ? '~' : ''}` : '…'}
              testId={inv ? 'gpu-total-physical' : undefined}
            />
            <Stat
              label="GPUs free"
              value={inv ? inv.physical.free : '…'}
              testId={inv ? 'gpu-total-physical-free' : undefined}
            />
            <div
              className="col-span-2 self-center text-xs text-zinc-500"
              data-testid="gpu-total-models"
              title={products}
            >
              {inv ? products || 'No GPUs' : ''}
              {inv && inv.physical.estimatedNodes > 0 ? (
                <span className="block">~ counts inferred from labels on {inv.physical.estimatedNodes} node(s)</span>
              ) : null}
            </div>
          </div>
          <div className="grid grid-cols-4 gap-3" title="Units: whole GPUs, MIG slices, shares and DRA devices">
            <Stat label="Units" value={t.capacity} testId="gpu-total-capacity" />
            <Stat label="Allocatable" value={t.allocatable} testId="gpu-total-allocatable" />
            <Stat label="Requested" value={t.requested} testId="gpu-total-requested" />
            <Stat label="Free" value={t.free} testId="gpu-total-free" tone={t.free < 0 ? 'bad' : undefined} />
          </div>
          <GpuBar requested={t.requested} allocatable={t.allocatable} testId="gpu-total-bar" />
          {perResource.length === 0 && (
            <p className="text-sm text-zinc-500">No node offers GPU units (device plugin or DRA).</p>
          )}
        </CardBody>
        {perResource.length > 0 && (
          <Table className="border-t border-zinc-200">
            <THead>
              <tr>
                <TH>Resource</TH>
                <TH className="text-right">Capacity</TH>
                <TH className="text-right">Allocatable</TH>
                <TH className="text-right">Requested</TH>
                <TH className="text-right">Free</TH>
              </tr>
            </THead>
            <TBody>
              {perResource.map((a) => (
                <TR key={a.resource} data-testid={`gpu-resource-${a.resource}`}>
                  <TD className="font-mono text-[12.5px]">{a.resource}</TD>
                  <TD className="text-right tabular-nums" data-testid={`gpu-total-capacity-${a.resource}`}>
                    {a.capacity}
                  </TD>
                  <TD className="text-right tabular-nums" data-testid={`gpu-total-allocatable-${a.resource}`}>
                    {a.allocatable}
                  </TD>
                  <TD className="text-right tabular-nums" data-testid={`gpu-total-requested-${a.resource}`}>
                    {a.requested}
                  </TD>
                  <TD className="text-right tabular-nums" data-testid={`gpu-total-free-${a.resource}`}>
                    {a.free}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardStatus>
    </Card>
  );
}
