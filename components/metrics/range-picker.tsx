'use client';

import { useState } from 'react';
import { RANGE_PRESET_NAMES, type TimeWindow } from '@/lib/metrics/time-range';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Input } from '../ui/select';

/** `datetime-local` wants local time without a zone. */
const toLocal = (s: number) => {
  const d = new Date(s * 1000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** Presets (15m … 7d) ending now, or a custom window from two local date-times. */
export function RangePicker({ value, onChange }: { value: TimeWindow; onChange: (w: TimeWindow) => void }) {
  const [custom, setCustom] = useState(!('range' in value));
  // Initial custom values: the current window, or the last hour (initialisers run once).
  const [from, setFrom] = useState(() => toLocal('start' in value ? value.start : Date.now() / 1000 - 3600));
  const [to, setTo] = useState(() => toLocal('end' in value ? value.end : Date.now() / 1000));
  const start = Date.parse(from) / 1000;
  const end = Date.parse(to) / 1000;
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
          <Button type="submit" size="md" disabled={invalid} data-testid="range-apply">
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}
