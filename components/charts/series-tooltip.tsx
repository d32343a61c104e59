import { formatMetric, type MetricUnit } from '@/lib/metrics/units';
import { useFormatTime } from '../time/time-zone';

const SHOWN = 8;

/**
 * The chart tooltip: the time and the visible series' values, largest first, capped at eight
 * lines (a per-GPU chart of a large cluster has hundreds of series).
 */
export function SeriesTooltip({
  active,
  payload,
  label,
  names,
  hidden,
  unit,
}: {
  active?: boolean;
  payload?: readonly { dataKey?: unknown; value?: unknown }[];
  label?: unknown;
  names: Map<string, { name: string; color: string }>;
  hidden: ReadonlySet<string>;
  unit: MetricUnit;
}) {
  const format = useFormatTime();
  if (!active || !payload?.length) return null;
  const items = payload
    .map((p) => ({ key: String(p.dataKey), value: typeof p.value === 'number' ? p.value : null }))
    .filter((p) => p.value !== null && !hidden.has(p.key))
    .sort((a, b) => b.value! - a.value!);
  return (
    <div className="rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-sm">
      <p className="mb-1 font-medium text-zinc-700">{format(Number(label))}</p>
      {items.slice(0, SHOWN).map((p) => (
        <p key={p.key} className="flex items-center gap-1.5 text-zinc-600">
          <span
            aria-hidden
            className="inline-block h-2 w-2 rounded-full"
            style={{ backgroundColor: names.get(p.key)?.color }}
          />
          <span className="max-w-56 truncate">{names.get(p.key)?.name}</span>
          <span className="ml-auto pl-3 font-mono text-zinc-900">{formatMetric(p.value, unit)}</span>
        </p>
      ))}
      {items.length > SHOWN && <p className="text-zinc-400">and {items.length - SHOWN} more</p>}
    </div>
  );
}
