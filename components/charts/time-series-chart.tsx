'use client';

import { useMemo, useState, type MouseEvent } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { keepKnown, legendClick } from '@/lib/metrics/legend';
import { seriesColor } from '@/lib/metrics/palette';
import type { ChartRow, ChartSeries } from '@/lib/metrics/shape';
import { valueAxis, valueRange } from '@/lib/metrics/ticks';
import { timeTicks, type MetricUnit } from '@/lib/metrics/units';
import { formatTick, offsetMinutes } from '@/lib/time/format-time';
import { useTimeZone } from '../time/time-zone';
import { cn } from '../ui/cn';
import { SeriesTooltip } from './series-tooltip';

const LEGEND_HELP = 'Click: show only this series (again: show all). Shift- or Ctrl-click: hide or show this one.';

/**
 * A line chart of time series fed plain rows (no fetching inside): time axis over the window,
 * round value ticks in `unit` (whole numbers when `whole`), a tooltip listing the largest values,
 * and a scrolling legend that isolates a series on click and hides one on shift-click (Grafana's
 * way, lib/metrics/legend.ts). Colours come from a 20-colour palette, by position. Animation is
 * off: charts redraw on every refresh.
 */
export function TimeSeriesChart({
  series,
  rows,
  unit,
  start,
  end,
  testId,
  height = 220,
  whole = false,
}: {
  series: ChartSeries[];
  rows: ChartRow[];
  unit: MetricUnit;
  /** The window in ms, so the axis spans it even where data is missing. */
  start: number;
  end: number;
  testId?: string;
  height?: number;
  /** Counts of things (replicas, GPUs): whole-number ticks. */
  whole?: boolean;
}) {
  const [hiddenRaw, setHidden] = useState<ReadonlySet<string>>(new Set());
  const keys = useMemo(() => series.map((s) => s.key), [series]);
  // Series come and go with refreshes and filters: a hidden key of a series gone is forgotten.
  const hidden = useMemo(() => keepKnown(hiddenRaw, keys), [hiddenRaw, keys]);
  const names = useMemo(
    () => new Map(series.map((s, i) => [s.key, { name: s.name, color: seriesColor(i) }])),
    [series],
  );
  const onLegend = (key: string, e: MouseEvent) =>
    setHidden(legendClick(hidden, keys, { key, toggle: e.shiftKey || e.ctrlKey || e.metaKey }));
  const rangeSeconds = (end - start) / 1000;
  const zone = useTimeZone();
  const ticks = useMemo(() => timeTicks(start, end, 6, offsetMinutes(start, zone) * 60_000), [start, end, zone]);
  const axis = useMemo(() => {
    const shown = keys.filter((k) => !hidden.has(k));
    const [min, max] = valueRange(rows, shown);
    return valueAxis(min, max, unit, { integer: whole });
  }, [rows, keys, hidden, unit, whole]);
  return (
    <div data-testid={testId}>
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e4e4e7" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[start, end]}
              ticks={ticks}
              tickFormatter={(t: number) => formatTick(t, rangeSeconds, zone)}
              tick={{ fontSize: 11, fill: '#71717a' }}
              minTickGap={40}
            />
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              interval={0}
              allowDecimals={!whole}
              tickFormatter={axis.label}
              tick={{ fontSize: 11, fill: '#71717a' }}
              width={76}
            />
            <Tooltip content={<SeriesTooltip names={names} hidden={hidden} unit={unit} />} isAnimationActive={false} />
            {series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                hide={hidden.has(s.key)}
                stroke={seriesColor(i)}
                strokeWidth={1.5}
                dot={rows.length < 3}
                isAnimationActive={false}
                connectNulls={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {/* Rows of exactly 16 px + 4 px gaps, so three whole rows show and more scroll. */}
      <ul
        className="mt-2 flex max-h-14 flex-wrap gap-x-3 gap-y-1 overflow-y-auto text-xs leading-4"
        aria-label="Series"
        title={LEGEND_HELP}
        data-testid={testId && `${testId}-legend`}
      >
        {series.map((s, i) => (
          <li key={s.key} className="flex h-4">
            <button
              type="button"
              aria-pressed={!hidden.has(s.key)}
              data-testid={testId && `${testId}-legend-${s.key}`}
              onClick={(e) => onLegend(s.key, e)}
              className={cn(
                'inline-flex h-4 items-center gap-1.5 rounded px-1 leading-4 hover:bg-zinc-100',
                hidden.has(s.key) ? 'text-zinc-400 line-through' : 'text-zinc-700',
              )}
            >
              <span
                aria-hidden
                className="inline-block h-0.5 w-3 rounded"
                style={{ backgroundColor: hidden.has(s.key) ? '#d4d4d8' : seriesColor(i) }}
              />
              {s.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
