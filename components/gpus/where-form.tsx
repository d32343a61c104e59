'use client';

import type { SimpleDeviceClass } from '@/lib/gpu/where-request';
import type { FieldErrors, WhereField, WhereFormText } from '@/lib/gpu-page/where-form';
import { ASK_KINDS, type AskKind } from '@/lib/gpu-page/where-form';
import { Input, Select } from '../ui/select';

const KIND_LABEL: Record<AskKind, string> = {
  resource: 'GPUs of a resource',
  mig: 'MIG slices',
  shares: 'GPU shares',
  devices: 'DRA devices',
};

function Field({
  label,
  field,
  errors,
  children,
  className,
}: {
  label: string;
  field: WhereField;
  errors: FieldErrors;
  children: React.ReactNode;
  className?: string;
}) {
  const error = errors[field];
  return (
    <label className={`flex flex-col gap-1 text-xs font-medium text-zinc-600 ${className ?? ''}`}>
      {label}
      {children}
      {error && (
        <span
          role="alert"
          id={`where-${field}-error`}
          data-testid={`where-error-${field}`}
          className="font-normal text-red-700"
        >
          {error}
        </span>
      )}
    </label>
  );
}

/**
 * "Where can this run?" as a person writes a GPU request: N of a resource (`nvidia.com/gpu`, any
 * whole-GPU resource), N MIG slices of a profile, N shares, or N devices of a DeviceClass; then an
 * optional model, node selector and tolerations. Validated as typed; errors sit under their field.
 */
export function WhereForm({
  value,
  onChange,
  errors,
  classes,
}: {
  value: WhereFormText;
  onChange: (next: WhereFormText) => void;
  errors: FieldErrors;
  classes: readonly SimpleDeviceClass[];
}) {
  const set = (patch: Partial<WhereFormText>) => onChange({ ...value, ...patch });
  const input = (field: WhereField, extra: { placeholder?: string; className?: string } = {}) => (
    <Input
      data-testid={`where-${field}`}
      value={value[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      invalid={errors[field] !== undefined}
      aria-describedby={errors[field] ? `where-${field}-error` : undefined}
      spellCheck={false}
      {...extra}
    />
  );
  return (
    <form data-testid="where-form" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-2">
        <Field label="Count" field="count" errors={errors} className="w-20">
          {input('count', { className: 'tabular-nums' })}
        </Field>
        <label className="flex flex-col gap-1 text-xs font-medium text-zinc-600">
          Of
          <Select
            data-testid="where-kind"
            value={value.kind}
            onChange={(e) => set({ kind: e.target.value as AskKind })}
            className="w-44"
          >
            {ASK_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </Select>
        </label>
        {value.kind === 'resource' && (
          <Field label="Resource" field="resource" errors={errors} className="w-56">
            {input('resource', { placeholder: 'nvidia.com/gpu', className: 'font-mono text-[13px]' })}
          </Field>
        )}
        {value.kind === 'mig' && (
          <Field label="MIG profile" field="profile" errors={errors} className="w-40">
            {input('profile', { placeholder: '1g.10gb', className: 'font-mono text-[13px]' })}
          </Field>
        )}
        {value.kind === 'devices' && (
          <Field label="DeviceClass" field="deviceClass" errors={errors} className="w-56">
            <Select
              data-testid="where-deviceClass"
              value={value.deviceClass}
              onChange={(e) => set({ deviceClass: e.target.value })}
            >
              <option value="">Choose…</option>
              {classes.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
              {value.deviceClass && !classes.some((c) => c.name === value.deviceClass) && (
                <option value={value.deviceClass}>{value.deviceClass}</option>
              )}
            </Select>
          </Field>
        )}
        <Field label="Model (optional)" field="product" errors={errors} className="w-48">
          {input('product', { placeholder: 'H100' })}
        </Field>
      </div>
      <div className="flex flex-wrap items-start gap-2">
        <Field label="Node selector (optional)" field="selector" errors={errors} className="min-w-64 flex-1">
          {input('selector', { placeholder: 'topology.kubernetes.io/zone=a', className: 'font-mono text-[13px]' })}
        </Field>
        <Field label="Tolerations (optional)" field="tolerations" errors={errors} className="min-w-64 flex-1">
          {input('tolerations', {
            placeholder: 'nvidia.com/gpu=present:NoSchedule',
            className: 'font-mono text-[13px]',
          })}
        </Field>
      </div>
    </form>
  );
}
