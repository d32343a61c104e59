import type { GpuInventory } from '@/lib/gpu/inventory';
import { Card, CardBody, CardHeader } from '../ui/card';
import { EmptyState } from '../ui/state';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';

const n = (x: number) => x.toLocaleString('en-US');

/** Cluster totals: physical GPUs by model (total / free / partial / full) and MIG slices by profile. */
export function GpuInventoryCards({ inventory }: { inventory: GpuInventory }) {
  const p = inventory.physical;
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <Card data-testid="gpu-inventory-models">
        <CardHeader
          title="GPUs by model"
          aside={
            <span data-testid="gpu-physical-total">
              {n(p.total)} GPUs on {n(p.nodes)} nodes · {n(p.free)} free
              {p.estimatedNodes ? ` · ${p.estimatedNodes} estimated` : ''}
            </span>
          }
        />
        <CardBody className="p-0">
          {inventory.byModel.length === 0 ? (
            <EmptyState title="No GPUs" className="m-4" />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Model</TH>
                  <TH className="text-right">Total</TH>
                  <TH className="text-right">Free</TH>
                  <TH className="text-right">Partial</TH>
                  <TH className="text-right">Full</TH>
                  <TH className="text-right">Nodes</TH>
                </TR>
              </THead>
              <TBody>
                {inventory.byModel.map((m) => (
                  <TR key={`${m.vendor}/${m.product}`} data-testid={`gpu-model-${m.product}`}>
                    <TD className="font-medium">
                      {m.product}
                      <span className="ml-1 text-xs text-zinc-400">{m.vendor}</span>
                    </TD>
                    <TD className="text-right tabular-nums" data-testid="total">
                      {n(m.total)}
                    </TD>
                    <TD className="text-right tabular-nums text-emerald-700" data-testid="free">
                      {n(m.free)}
                    </TD>
                    <TD className="text-right tabular-nums" data-testid="partial">
                      {n(m.partial)}
                    </TD>
                    <TD className="text-right tabular-nums" data-testid="full">
                      {n(m.full)}
                    </TD>
                    <TD className="text-right tabular-nums">{n(m.nodes)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
      <Card data-testid="gpu-inventory-profiles">
        <CardHeader title="MIG slices by profile" aside="DRA: how many fit together" />
        <CardBody className="p-0">
          {inventory.byProfile.length === 0 ? (
            <EmptyState title="No MIG slices" className="m-4" />
          ) : (
            <Table>
              <THead>
                <TR>
                  <TH>Profile</TH>
                  <TH>On</TH>
                  <TH className="text-right">Total</TH>
                  <TH className="text-right">Free</TH>
                  <TH className="text-right">Used</TH>
                </TR>
              </THead>
              <TBody>
                {inventory.byProfile.map((pr) => (
                  <TR
                    key={`${pr.profile}/${pr.product}/${pr.source}`}
                    data-testid={`gpu-profile-${pr.profile}-${pr.source}`}
                  >
                    <TD className="font-mono">{pr.profile}</TD>
                    <TD className="text-xs text-zinc-600">
                      {pr.product ?? 'unknown'} · {pr.source === 'dra' ? 'DRA' : 'device plugin'}
                    </TD>
                    <TD className="text-right tabular-nums" data-testid="total">
                      {n(pr.total)}
                    </TD>
                    <TD className="text-right tabular-nums text-emerald-700" data-testid="free">
                      {n(pr.free)}
                    </TD>
                    <TD className="text-right tabular-nums" data-testid="used">
                      {n(pr.used)}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
