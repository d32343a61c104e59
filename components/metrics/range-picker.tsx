'use client';

import { useState } from 'react';
import { RANGE_PRESET_NAMES, type TimeWindow } from '@/lib/metrics/time-range';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Input } from '../ui/select';
import { useNow } from '../hooks/use-now';
import { useTimeZone } from '../time/time-zone';
import { fromZonedInput, toZonedInput, zoneLabel } from '@/lib/time/format-time';

/** Presets (15m … 7d) ending now, or a custom window from two date-times in the operator's zone. */
export function RangePicker({ value, onChange }: { value: TimeWindow; onChange: (w: TimeWindow) => void }) {
  const [custom, setCustom] = useState(!('range' in value));
  // `datetime-local` has no zone: its values are read and written in the operator's one zone.
  const zone = useTimeZone();
  const now = useNow(60_000);
  const toLocal = (s: number) => toZonedInput(s * 1000, zone);
  // Initial custom values: the current window, or the last hour (initialisers run once).
  const [from, setFrom] = useState(() => toLocal('start' in value ? value.start : Date.now() / 1000 - 3600));
  const [to, setTo] = useState(() => toLocal('end' in value ? value.end : Date.now() / 1000));
  const start = (fromZonedInput(from, zone) ?? Number.NaN) / 1000;
  const end = (fromZonedInput(to, zone) ?? Number.NaN) / 1000;
  const invalid = !(end > start);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div
        role="group"
        aria-label="Time range"
        className="inline-flex overflow-hidden rounded-md border border-zinc-300 bg-white"
      >
        {RANGE_PRESET_NAMES.map((r) => {
          const on = !custom && 'range' in value && value.range === r;
          return (
            <button
              key={r}
              type="button"
              aria-pressed={on}
              data-testid={`range-${r}`}
              onClick={() => {
                setCustom(false);
                onChange({ range: r });
              }}
              className={cn(
                'h-8 border-r border-zinc-200 px-2.5 text-sm',
                on ? 'bg-indigo-600 text-white' : 'text-zinc-700 hover:bg-zinc-50',
              )}
            >
              {r}
            </button>
          );
        })}
        <button
          type="button"
          aria-pressed={custom}
          data-testid="range-custom"
          onClick={() => setCustom(true)}
          className={cn('h-8 px-2.5 text-sm', custom ? 'bg-indigo-600 text-white' : 'text-zinc-700 hover:bg-zinc-50')}
        >
          Custom
        </button>
      </div>
      {custom && (
        <form
          className="flex items-center gap-1.5"
          onSubmit={(e) => {
            e.preventDefault();
            if (!invalid) onChange({ start, end });
          }}
        >
          <Input
            type="datetime-local"
            aria-label="From"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            invalid={invalid}
            data-testid="range-from"
          />
          <span className="text-xs text-zinc-500">to</span>
          <Input
            type="datetime-local"
            aria-label="To"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            invalid={invalid}
            data-testid="range-to"
          />
          <span className="text-xs text-zinc-500" data-testid="range-zone">
            {zoneLabel(now, zone)}
          </span>
          <Button type="submit" size="md" disabled={invalid} data-testid="range-apply">
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}
