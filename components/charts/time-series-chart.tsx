'use client';

import { useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartRow, ChartSeries } from '@/lib/metrics/shape';
import { formatMetric, timeTicks, type MetricUnit } from '@/lib/metrics/units';
import { formatTick } from '@/lib/time/format-time';
import { useTimeZone } from '../time/time-zone';
import { cn } from '../ui/cn';
import { SeriesTooltip } from './series-tooltip';

const PALETTE = [
  '#4f46e5',
  '#0891b2',
  '#16a34a',
  '#d97706',
  '#dc2626',
  '#9333ea',
  '#0d9488',
  '#db2777',
  '#65a30d',
  '#475569',
];

/** A series' colour: stable by position, so a series keeps its colour across refreshes. */
const seriesColor = (i: number) => PALETTE[i % PALETTE.length]!;

/**
 * A line chart of time series fed plain rows (no fetching inside): time axis over the window,
 * values in `unit`, a tooltip listing the largest values, and a legend whose entries hide and
 * show their series. Animation is off: charts redraw on every refresh.
 */
export function TimeSeriesChart({
  series,
  rows,
  unit,
  start,
  end,
  testId,
  height = 220,
}: {
  series: ChartSeries[];
  rows: ChartRow[];
  unit: MetricUnit;
  /** The window in ms, so the axis spans it even where data is missing. */
  start: number;
  end: number;
  testId?: string;
  height?: number;
}) {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const names = useMemo(
    () => new Map(series.map((s, i) => [s.key, { name: s.name, color: seriesColor(i) }])),
    [series],
  );
  const toggle = (key: string) =>
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const rangeSeconds = (end - start) / 1000;
  const zone = useTimeZone();
  const ticks = useMemo(() => timeTicks(start, end), [start, end]);
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
              tickFormatter={(v: number) => formatMetric(v, unit)}
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
      >
        {series.map((s, i) => (
          <li key={s.key} className="flex h-4">
            <button
              type="button"
              aria-pressed={!hidden.has(s.key)}
              data-testid={testId && `${testId}-legend-${s.key}`}
              onClick={() => toggle(s.key)}
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
