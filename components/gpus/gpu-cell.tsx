'use client';

import { memo } from 'react';
import type { PhysicalGpu } from '@/lib/gpu/model-types';
import { gpuSegments } from '@/lib/gpu/segments';
import { cellState, podKey } from '@/lib/gpu-page/cell-state';
import { cn } from '../ui/cn';
import { CELL_CLASS } from './cell-style';

/** Width of one GPU cell in pixels: eight fit a laptop screen beside the node name. */
export const CELL_WIDTH = 104;

/** What a click on a segment selects: the node, the GPU and the segment's start slot. */
export interface CellSelection {
  node: string;
  gpu: string;
  start: number;
}

/** `H100-80GB-HBM3` for `NVIDIA-H100-80GB-HBM3`: the vendor is the same on every cell of a row. */
const shortLabel = (label: string) => label.replace(/^(NVIDIA|AMD|Intel)[- ]/i, '').replace(/^Tesla[- ]/, '');

/** What fits in a segment `width` pixels wide: the label, a compact form (`2/4`, `1g`), or nothing. */
function segmentText(kind: string, label: string, width: number): string {
  if (width >= 34) return kind === 'whole' ? shortLabel(label) : label;
  if (width < 13) return '';
  if (kind === 'share') return /(\d+\/\d+)$/.exec(label)?.[1] ?? '';
  if (kind === 'mig') return /^(\d+g)/.exec(label)?.[1] ?? '';
  return '';
}

function holderText(holders: PhysicalGpu['units'][number]['holders']): string {
  return holders
    .map((h) =>
      [h.pod ? podKey(h.pod) : null, h.claim ? `claim ${h.claim.namespace}/${h.claim.name}` : null]
        .filter(Boolean)
        .join(' · '),
    )
    .join(', ');
}

/**
 * One physical GPU: its segments side by side over the GPU's slots (whole, MIG slices at their
 * placement, shares), coloured by state. A dashed outline marks a GPU whose layout and holders are
 * drawn from counts (device plugin), not known (DRA). Each segment is a button naming its holders.
 */
export const GpuCell = memo(function GpuCell({
  node,
  gpu,
  idlePods,
  selected,
  onSelect,
}: {
  node: string;
  gpu: PhysicalGpu;
  idlePods: ReadonlySet<string>;
  /** The start slot of the selected segment on this GPU, or null. */
  selected: number | null;
  onSelect: (s: CellSelection) => void;
}) {
  const segments = gpuSegments(gpu);
  const unit = CELL_WIDTH / Math.max(gpu.slots, 1);
  return (
    <div
      data-testid={`gpu-cell-${node}-${gpu.id}`}
      data-exact={gpu.exact}
      data-layout={gpu.layout}
      title={`${gpu.id} · ${gpu.product ?? 'unknown model'}${gpu.exact ? '' : ' · layout and holders drawn from counts'}`}
      className={cn(
        'flex h-7 shrink-0 overflow-hidden rounded-[3px] border bg-white',
        gpu.exact ? 'border-zinc-400' : 'border-dashed border-zinc-500',
      )}
      style={{ width: CELL_WIDTH }}
    >
      {segments.map((s) => {
        const state = cellState(s, idlePods);
        const width = s.size * unit;
        const who = holderText(s.holders);
        return (
          <button
            key={s.start}
            type="button"
            data-testid="gpu-segment"
            data-state={state}
            data-kind={s.kind}
            data-holders={who}
            aria-pressed={selected === s.start}
            title={`${gpu.id} · ${s.label || 'not configured'} · ${state}${who ? ` · ${who}` : ''}`}
            onClick={() => onSelect({ node, gpu: gpu.id, start: s.start })}
            className={cn(
              'h-full min-w-0 truncate border-r border-white/70 leading-[26px] last:border-r-0 focus-visible:outline-2 focus-visible:outline-indigo-700',
              width < 24 ? 'px-0 text-[9px]' : 'px-0.5 text-[10px]',
              CELL_CLASS[state],
              selected === s.start && 'outline-2 -outline-offset-2 outline-zinc-900',
            )}
            style={{ width, flex: `0 0 ${width}px` }}
          >
            {segmentText(s.kind, s.label, width)}
          </button>
        );
      })}
    </div>
  );
});
