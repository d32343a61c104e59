'use client';

import { deploySettingsSchema, type DeploySettings } from '@/lib/deploy/settings';
import { Input } from '../ui/select';

type Field = keyof DeploySettings;
export type SettingsDraft = Record<Field, string>;

const FIELDS: { field: Field; label: string; hint: string }[] = [
  { field: 'apiImage', label: 'API image', hint: 'e.g. imagepod/api:0.1.0' },
  { field: 'workerImage', label: 'GPU worker image', hint: 'e.g. imagepod/gpu-worker:0.1.0' },
  { field: 'registry', label: 'Registry mirror', hint: 'optional: pull every image from this registry instead' },
  { field: 'apiReplicas', label: 'API replicas', hint: '1 to 50' },
  { field: 'postgresStorage', label: 'PostgreSQL storage', hint: 'e.g. 10Gi (fixed once the volume exists)' },
  { field: 'ingressHost', label: 'Ingress host', hint: 'the API at this host, Grafana at grafana.<host>' },
  { field: 'gpuNodeLabel', label: 'GPU node label', hint: 'key=value the GPU DaemonSets select nodes by' },
];

export function toDraft(s: DeploySettings): SettingsDraft {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])) as SettingsDraft;
}

/** Validates a draft with the server's own schema: the settings, or an error per field. */
export function parseDraft(d: SettingsDraft): {
  settings: DeploySettings | null;
  errors: Partial<Record<Field, string>>;
} {
  const candidate = {
    ...d,
    apiReplicas: /^\s*-?\d+(\.\d+)?\s*$/.test(d.apiReplicas) ? Number(d.apiReplicas) : d.apiReplicas,
  };
  const r = deploySettingsSchema.safeParse(candidate);
  if (r.success) return { settings: r.data, errors: {} };
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of r.error.issues) {
    const f = issue.path[0] as Field;
    errors[f] ??= issue.message.startsWith('Invalid input') ? 'a whole number' : issue.message;
  }
  return { settings: null, errors };
}

/** The operator's settings, each field checked as it is typed (the same schema the server uses). */
export function SettingsForm({
  draft,
  onChange,
  errors,
  disabled,
}: {
  draft: SettingsDraft;
  onChange: (d: SettingsDraft) => void;
  errors: Partial<Record<Field, string>>;
  disabled?: boolean;
}) {
  return (
    <div className="grid grid-cols-1 gap-x-4 gap-y-3 md:grid-cols-2" data-testid="deploy-settings">
      {FIELDS.map(({ field, label, hint }) => (
        <label key={field} className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-zinc-800">{label}</span>
          <Input
            data-testid={`setting-${field}`}
            value={draft[field]}
            disabled={disabled}
            invalid={Boolean(errors[field])}
            onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
            className="font-mono text-[13px]"
          />
          {errors[field] ? (
            <span role="alert" data-testid={`setting-error-${field}`} className="text-xs text-red-700">
              {errors[field]}
            </span>
          ) : (
            <span className="text-xs text-zinc-500">{hint}</span>
          )}
        </label>
      ))}
    </div>
  );
}
