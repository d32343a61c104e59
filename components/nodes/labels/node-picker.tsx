'use client';

import { useMemo } from 'react';
import { sumGpus } from '@/lib/gpu';
import { useGpuCluster } from '@/lib/queries/gpus/gpu-cluster-query';
import { useGpuWorkerLabel } from '@/lib/queries/deploy/gpu-worker-label';
import { nodeTone } from '@/lib/status-tone';
import type { NodeRow } from '@/lib/views';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Table, TableScroll, TBody, TD, TH, THead, TR } from '../../ui/table';

/** Checkboxes for the nodes the edit applies to, with what matters for GPU placement. */
export function NodePicker({
  nodes,
  selected,
  onChange,
}: {
  nodes: NodeRow[];
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  const gpu = useGpuWorkerLabel();
  // Physical GPUs from the GPU model, so MIG-split, shared and DRA nodes count as GPU nodes too;
  // until the model has loaded, the whole-GPU extended resources.
  const { model } = useGpuCluster();
  const gpuCount = useMemo(() => {
    const byNode = new Map(model?.nodes.map((m) => [m.node, m.gpus.length]));
    return (n: NodeRow) => byNode.get(n.name) ?? sumGpus(n.gpuCapacity);
  }, [model]);
  const gpuNodes = nodes.filter((n) => gpuCount(n) > 0).map((n) => n.name);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <Button
          size="sm"
          data-testid="label-select-gpu"
          onClick={() => onChange(new Set(gpuNodes))}
          disabled={gpuNodes.length === 0}
        >
          Select GPU nodes
        </Button>
        <Button size="sm" variant="ghost" onClick={() => onChange(new Set())} disabled={selected.size === 0}>
          Clear
        </Button>
        <span data-testid="label-selected-count" className="ml-auto text-xs text-zinc-500">
          {selected.size} of {nodes.length} selected
        </span>
      </div>
      <TableScroll>
        <Table data-testid="label-node-picker">
          <THead>
            <tr>
              <TH className="w-8" />
              <TH>Node</TH>
              <TH>Status</TH>
              <TH className="text-right">GPUs</TH>
              <TH>{gpu.key}</TH>
            </tr>
          </THead>
          <TBody>
            {nodes.map((n) => (
              <TR key={n.name} data-testid={`label-node-${n.name}`}>
                <TD>
                  <input
                    type="checkbox"
                    id={`pick-${n.name}`}
                    data-testid={`label-pick-${n.name}`}
                    checked={selected.has(n.name)}
                    onChange={(e) => toggle(n.name, e.target.checked)}
                    className="size-4 accent-indigo-600"
                  />
                </TD>
                <TD className="font-mono text-[12.5px]">
                  <label htmlFor={`pick-${n.name}`} className="cursor-pointer">
                    {n.name}
                  </label>
                </TD>
                <TD>
                  <Badge tone={nodeTone(n)}>{n.status}</Badge>
                </TD>
                <TD className="text-right tabular-nums">{gpuCount(n) || <span className="text-zinc-400">—</span>}</TD>
                <TD data-testid={`label-node-gpu-label-${n.name}`} className="font-mono text-[12px] text-zinc-600">
                  {n.labels[gpu.key] ?? <span className="text-zinc-400">—</span>}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </TableScroll>
    </div>
  );
}
