'use client';

import { Select } from '../ui/select';

const CHOICES: [string, number][] = [
  ['Off', 0],
  ['10 s', 10_000],
  ['30 s', 30_000],
  ['1 min', 60_000],
  ['5 min', 300_000],
];

/** How often the charts re-query Prometheus (metrics are not in the live stream). */
export function RefreshPicker({ value, onChange }: { value: number; onChange: (ms: number) => void }) {
  return (
    <label className="flex items-center gap-1.5 text-xs text-zinc-500">
      Refresh
      <Select
        aria-label="Auto-refresh"
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        data-testid="refresh-interval"
      >
        {CHOICES.map(([label, ms]) => (
          <option key={ms} value={ms}>
            {label}
          </option>
        ))}
      </Select>
    </label>
  );
}
