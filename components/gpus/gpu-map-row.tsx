'use client';

import Link from 'next/link';
import { memo } from 'react';
import type { NodeGpuModel, PhysicalGpu } from '@/lib/gpu/model-types';
import { cn } from '../ui/cn';
import { GpuCell, type CellSelection } from './gpu-cell';

/** Height of a map row: fixed, so the virtualizer positions rows without measuring them. */
export const ROW_HEIGHT = 40;

/**
 * One node as a row of its physical GPUs. Used by the GPU map (virtualised) and alone on the node
 * page; `gpus` may be a filtered subset of the node's GPUs.
 */
export const GpuMapRow = memo(function GpuMapRow({
  node,
  gpus,
  idlePods,
  selection,
  onSelect,
  nodeLink = true,
  className,
}: {
  node: NodeGpuModel;
  gpus: readonly PhysicalGpu[];
  idlePods: ReadonlySet<string>;
  selection: CellSelection | null;
  onSelect: (s: CellSelection) => void;
  /** Off on the node's own page. */
  nodeLink?: boolean;
  className?: string;
}) {
  const flags = [node.ready === false ? 'not ready' : null, node.unschedulable ? 'cordoned' : null]
    .filter(Boolean)
    .join(', ');
  return (
    <div
      data-testid={`gpu-row-${node.node}`}
      className={cn('flex items-center gap-3 px-3', className)}
      style={{ height: ROW_HEIGHT }}
    >
      <div className="w-40 shrink-0 truncate text-[13px]" title={node.node}>
        {nodeLink ? (
          <Link
            href={`/nodes/${encodeURIComponent(node.node)}`}
            className="font-medium text-indigo-700 hover:underline"
          >
            {node.node}
          </Link>
        ) : (
          <span className="font-medium text-zinc-900">{node.node}</span>
        )}
        <div className="truncate text-[11px] text-zinc-500">
          {node.physical.total} GPU{node.physical.total === 1 ? '' : 's'}
          {node.migStrategy && node.migStrategy !== 'none' ? ` · MIG ${node.migStrategy}` : ''}
          {node.sharing ? ` · ${node.sharing}` : ''}
          {flags ? <span className="text-red-700"> · {flags}</span> : null}
        </div>
      </div>
      <div className="flex gap-1.5">
        {gpus.map((g) => (
          <GpuCell
            key={g.id}
            node={node.node}
            gpu={g}
            idlePods={idlePods}
            onSelect={onSelect}
            selected={selection && selection.node === node.node && selection.gpu === g.id ? selection.start : null}
          />
        ))}
      </div>
    </div>
  );
});
