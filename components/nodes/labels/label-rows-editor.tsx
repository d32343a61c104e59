'use client';

import type { FormCheck, LabelRow } from '@/lib/label-form';
import { useGpuWorkerLabel } from '@/lib/queries/deploy/gpu-worker-label';
import { Button } from '../../ui/button';
import { Input } from '../../ui/select';

/** A row for the GPU worker label, reusing the row that has its key, or the first blank row. */
export function withGpuPreset(rows: LabelRow[], nextId: number, label: { key: string; value: string }): LabelRow[] {
  const at = rows.findIndex((r) => r.key === label.key);
  const blank = rows.findIndex((r) => r.key === '' && r.value === '');
  const preset = { key: label.key, value: label.value, remove: false };
  if (at >= 0) return rows.map((r, i) => (i === at ? { ...r, ...preset } : r));
  if (blank >= 0) return rows.map((r, i) => (i === blank ? { ...r, ...preset } : r));
  return [...rows, { id: nextId, ...preset }];
}

/**
 * The label rows: key, value and "remove", each checked as the API server would check it while
 * the user types, with a warning under rows that touch system-managed labels. The GPU preset is
 * the deploy settings' GPU node label.
 */
export function LabelRowsEditor({
  rows,
  check,
  onChange,
  nextId,
}: {
  rows: LabelRow[];
  check: FormCheck;
  onChange: (rows: LabelRow[]) => void;
  nextId: number;
}) {
  const gpu = useGpuWorkerLabel();
  const update = (i: number, patch: Partial<LabelRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="flex flex-col gap-3">
      {rows.map((r, i) => {
        const c = check.rows[i];
        const errors = [
          ...(c?.keyErrors ?? []).map((e) => `key ${e}`),
          ...(c?.valueErrors ?? []).map((e) => `value ${e}`),
        ];
        return (
          <div key={r.id} data-testid={`label-row-${i}`} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <Input
                aria-label="Label key"
                data-testid={`label-key-${i}`}
                placeholder="key, e.g. accelerator"
                value={r.key}
                invalid={Boolean(c?.keyErrors.length)}
                onChange={(e) => update(i, { key: e.target.value.trim() })}
                className="w-56 min-w-0 flex-1 font-mono text-[13px]"
              />
              <span className="text-zinc-400">=</span>
              <Input
                aria-label="Label value"
                data-testid={`label-value-${i}`}
                placeholder={r.remove ? '(removed)' : 'value'}
                value={r.remove ? '' : r.value}
                disabled={r.remove}
                invalid={Boolean(c?.valueErrors.length)}
                onChange={(e) => update(i, { value: e.target.value.trim() })}
                className="w-44 font-mono text-[13px] disabled:bg-zinc-50"
              />
              <label className="flex items-center gap-1 text-xs text-zinc-600">
                <input
                  type="checkbox"
                  data-testid={`label-remove-${i}`}
                  checked={r.remove}
                  onChange={(e) => update(i, { remove: e.target.checked })}
                  className="accent-red-600"
                />
                remove
              </label>
              <Button
                size="sm"
                variant="ghost"
                aria-label="Delete row"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                ✕
              </Button>
            </div>
            {errors.length > 0 && (
              <ul role="alert" data-testid={`label-errors-${i}`} className="list-disc pl-5 text-xs text-red-700">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
            {c?.warning && (
              <p data-testid={`label-warning-${i}`} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
                ⚠ {c.warning}
              </p>
            )}
          </div>
        );
      })}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          data-testid="label-add"
          onClick={() => onChange([...rows, { id: nextId, key: '', value: '', remove: false }])}
        >
          Add label
        </Button>
        <Button
          size="sm"
          data-testid="label-preset-gpu"
          onClick={() => onChange(withGpuPreset(rows, nextId, gpu))}
          title="The GPU DaemonSets' nodeSelector, as last deployed"
        >
          GPU worker: {gpu.key}={gpu.value}
        </Button>
      </div>
    </div>
  );
}
