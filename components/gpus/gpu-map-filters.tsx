'use client';

import { CELL_STATES } from '@/lib/gpu-page/cell-state';
import type { MapFilterText } from '@/lib/gpu-page/url-state';
import { Input, Select } from '../ui/select';
import { CELL_LABEL } from './cell-style';

/** The map's toolbar: GPU model, node label selector (error shown, not applied while invalid), state. */
export function GpuMapFilters({
  value,
  onChange,
  models,
  selectorError,
  idleKnown,
}: {
  value: MapFilterText;
  onChange: (next: MapFilterText) => void;
  models: readonly string[];
  selectorError: string | null;
  idleKnown: boolean;
}) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        Model
        <Select
          data-testid="gpu-filter-model"
          value={value.model}
          onChange={(e) => onChange({ ...value, model: e.target.value })}
          className="w-64"
        >
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
          {value.model && !models.includes(value.model) && <option value={value.model}>{value.model}</option>}
        </Select>
      </label>
      <label className="flex min-w-72 flex-1 flex-col gap-1 text-xs font-medium text-zinc-600">
        Node labels
        <Input
          data-testid="gpu-filter-selector"
          value={value.selector}
          onChange={(e) => onChange({ ...value, selector: e.target.value })}
          placeholder="nvidia.com/mig.strategy=mixed"
          spellCheck={false}
          invalid={selectorError !== null}
          aria-describedby={selectorError ? 'gpu-selector-error' : undefined}
          className="font-mono text-[13px]"
        />
        {selectorError && (
          <span
            id="gpu-selector-error"
            role="alert"
            data-testid="gpu-filter-selector-error"
            className="font-normal text-red-700"
          >
            Invalid label selector: {selectorError}. The selector is not applied.
          </span>
        )}
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
        State
        <Select
          data-testid="gpu-filter-state"
          value={value.state}
          onChange={(e) => onChange({ ...value, state: e.target.value as MapFilterText['state'] })}
          className="w-52"
        >
          <option value="">Any state</option>
          {CELL_STATES.filter((s) => s !== 'idle' || idleKnown || value.state === 'idle').map((s) => (
            <option key={s} value={s}>
              {CELL_LABEL[s]}
            </option>
          ))}
        </Select>
      </label>
    </div>
  );
}
