'use client';

import Link from 'next/link';
import { ObjectYamlButton } from '../objects/object-yaml';
import { useMemo } from 'react';
import type { GpuAllocation } from '@/lib/gpu';
import type { NodeSort, NodeSortKey } from '@/lib/node-list';
import { nodeGpuNumbers, type NodeGpuNumbers } from '@/lib/gpu/inventory';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import { formatCpu, formatMemory } from '@/lib/quantity';
import { nodeTone } from '@/lib/status-tone';
import type { NodeRow } from '@/lib/views';
import { LabelChips } from '../ui/label-chips';
import { Badge } from '../ui/badge';
import { SortableTH, Table, TableScroll, TBody, TD, TH, THead, TR } from '../ui/table';
import { NodeGpuCells } from './node-gpu-cells';
import { NodeTaints } from './node-taints';

/**
 * Labels every node carries, or that the GPU columns already say (NVIDIA's feature discovery:
 * product, memory, count …); hidden from the collapsed chip list so the telling ones show.
 */
const NOISY_LABELS = [
  'kubernetes.io/',
  'beta.kubernetes.io/',
  'node-role.kubernetes.io/',
  'node.kubernetes.io/instance-type',
  'feature.node.kubernetes.io/',
  'nvidia.com/',
  'type',
];

function gpuMemory(bytes: number | null | undefined, labelMiB: number | null) {
  const text = bytes ? formatMemory(String(bytes)) : labelMiB ? formatMemory(`${labelMiB}Mi`) : null;
  return text ? <span className="ml-1 text-xs text-zinc-500">{text}</span> : null;
}

/**
 * The nodes table: status, roles, GPU model, CPU/memory and GPU allocation, labels and taints;
 * name, status, CPU, memory and GPU units sort on a header click.
 */
export function NodesTable({
  nodes,
  allocation,
  model,
  sort,
  onSort,
}: {
  nodes: NodeRow[];
  allocation: Map<string, GpuAllocation[]> | null;
  model: GpuClusterModel | undefined;
  sort: NodeSort;
  onSort: (key: NodeSortKey) => void;
}) {
  const sortable = (key: NodeSortKey, label: string, className?: string, title?: string) => (
    <SortableTH
      label={label}
      active={sort.key === key}
      dir={sort.dir}
      onSort={() => onSort(key)}
      className={className}
      title={title}
      data-testid={`nodes-sort-${key}`}
    />
  );
  // The model's per-node numbers (physical GPUs, products), the same the GPU page and node detail show.
  const numbers = useMemo(
    () => (model ? new Map<string, NodeGpuNumbers>(model.nodes.map((m) => [m.node, nodeGpuNumbers(m)])) : null),
    [model],
  );
  // A GPU's memory as the model reads it (a MIG-single node's label states one slice's memory).
  const memory = useMemo(
    () => new Map((model?.nodes ?? []).map((m) => [m.node, m.gpus.find((g) => g.memoryBytes)?.memoryBytes ?? null])),
    [model],
  );
  return (
    <TableScroll>
      <Table data-testid="nodes-table" className="min-w-[1100px]">
        <THead>
          <tr>
            {sortable('name', 'Name')}
            {sortable('status', 'Status')}
            <TH className="max-lg:hidden">Roles</TH>
            <TH>GPU product</TH>
            {sortable('cpu', 'CPU', 'text-right max-lg:hidden')}
            {sortable('memory', 'Memory', 'text-right max-lg:hidden')}
            <TH className="text-right" title="Physical GPUs: free (no unit held) / total, whatever they are split into">
              GPUs free
            </TH>
            {sortable('gpus', 'Units', 'text-right', 'GPU units: whole GPUs, MIG slices, shares and DRA devices')}
            <TH
              className="w-32 text-right"
              title="Units requested by pods bound to the node (not finished) or allocated to claims / allocatable"
            >
              Requested / alloc.
            </TH>
            <TH className="text-right" title="Allocatable units not in use">
              Free
            </TH>
            <TH>Labels</TH>
            <TH>Taints</TH>
          </tr>
        </THead>
        <TBody>
          {nodes.map((n) => (
            <TR key={n.key} data-testid={`node-row-${n.name}`}>
              <TD className="font-mono text-[12.5px] whitespace-nowrap">
                <Link
                  href={`/nodes/${encodeURIComponent(n.name)}`}
                  data-testid={`node-link-${n.name}`}
                  className="font-medium text-indigo-700 hover:underline"
                >
                  {n.name}
                </Link>
                <span className="ml-2">
                  <ObjectYamlButton compact object={{ kind: 'Node', name: n.name }} />
                </span>
              </TD>
              <TD>
                <Badge tone={nodeTone(n)} data-testid={`node-status-${n.name}`}>
                  {n.status}
                </Badge>
              </TD>
              <TD className="text-zinc-600 max-lg:hidden">
                {n.roles.length ? n.roles.join(', ') : <span className="text-zinc-400">—</span>}
              </TD>
              <TD data-testid={`node-gpu-product-${n.name}`} className="whitespace-nowrap text-zinc-700">
                {numbers?.get(n.name)?.products[0] ?? n.gpuProduct ?? <span className="text-zinc-400">—</span>}
                {gpuMemory(memory.get(n.name), n.gpuMemoryMiB)}
              </TD>
              <TD className="text-right tabular-nums max-lg:hidden">{formatCpu(n.cpuAllocatable)}</TD>
              <TD className="text-right whitespace-nowrap tabular-nums max-lg:hidden">
                {formatMemory(n.memoryAllocatable)}
              </TD>
              <NodeGpuCells
                node={n.name}
                allocation={allocation ? (allocation.get(n.name) ?? []) : undefined}
                numbers={numbers?.get(n.name)}
              />
              <TD className="w-64 max-w-64">
                <LabelChips
                  labels={n.labels}
                  max={2}
                  oneLine
                  testId={`node-labels-${n.name}`}
                  hidePrefixes={NOISY_LABELS}
                />
              </TD>
              <TD className="max-w-64">
                <NodeTaints taints={n.taints} testId={`node-taints-${n.name}`} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </TableScroll>
  );
}
