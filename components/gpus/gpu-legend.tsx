import { CELL_STATES } from '@/lib/gpu-page/cell-state';
import { cn } from '../ui/cn';
import { CELL_CLASS, CELL_LABEL } from './cell-style';

/** The map's key: one swatch per state, and the dashed outline of a GPU drawn from counts. */
export function GpuLegend({ idleKnown }: { idleKnown: boolean }) {
  return (
    <ul data-testid="gpu-legend" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600">
      {CELL_STATES.filter((s) => s !== 'idle' || idleKnown).map((s) => (
        <li key={s} className="flex items-center gap-1.5">
          <span
            aria-hidden
            className={cn('inline-block h-3 w-5 rounded-[2px] border border-zinc-300', CELL_CLASS[s])}
          />
          {CELL_LABEL[s]}
        </li>
      ))}
      <li
        className="flex items-center gap-1.5"
        title="The device plugin reports only counts: which pod holds which GPU, and the MIG layout, are drawn, not known"
      >
        <span
          aria-hidden
          className="inline-block h-3 w-5 rounded-[2px] border border-dashed border-zinc-500 bg-white"
        />
        Layout drawn from counts (device plugin)
      </li>
      {!idleKnown && <li className="text-zinc-400">Idle GPUs appear when Prometheus is reachable</li>}
    </ul>
  );
}
