'use client';

import { useState } from 'react';
import type { DeployPreview, ObjectPreview } from '@/lib/deploy/preview-types';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';
import { hunksOfPatch } from '@/lib/template-diff';
import { DiffHunks } from '../ui/diff-hunks';
import { isYamlKind } from '@/lib/object-yaml/kinds';
import { ObjectYamlButton } from '../objects/object-yaml';

const TONE: Record<ObjectPreview['action'], Tone> = {
  create: 'info',
  change: 'warn',
  unchanged: 'neutral',
  drift: 'warn',
  conflict: 'bad',
  error: 'bad',
};

export const previewTestId = (key: string) => `preview-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/**
 * The preview, stage by stage: what each object would become, from the API server's dry runs.
 * Changes open to their YAML diff; a conflict offers "take ownership" for that object only.
 */
export function PreviewList({
  preview,
  takeOwnership,
  onTakeOwnership,
}: {
  preview: DeployPreview;
  takeOwnership: ReadonlySet<string>;
  onTakeOwnership: (key: string, take: boolean) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const all = preview.stages.flatMap((s) => s.objects);
  const count = (a: ObjectPreview['action']) => all.filter((o) => o.action === a).length;
  return (
    <div className="flex flex-col gap-3" data-testid="deploy-preview">
      <p className="text-sm text-zinc-600" data-testid="preview-summary">
        {count('create')} to create · {count('change')} to change · {count('drift')} drifted · {count('conflict')} in
        conflict · {count('unchanged')} unchanged{count('error') ? ` · ${count('error')} errors` : ''}
      </p>
      {preview.stages.map((s) => (
        <section key={s.id}>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
            {s.id.split('-')[0]}. {s.title}
          </h3>
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white">
            {s.objects.map((o) => {
              const expandable = Boolean(o.diff) && o.action !== 'unchanged';
              return (
                <li key={o.key} data-testid={previewTestId(o.key)} data-action={o.action} className="px-3 py-1.5">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={TONE[o.action]} className="w-24 justify-center">
                      {o.action}
                    </Badge>
                    <button
                      type="button"
                      disabled={!expandable}
                      onClick={() => setOpen(open === o.key ? null : o.key)}
                      className="font-mono text-[12.5px] text-zinc-800 enabled:hover:text-indigo-700 enabled:hover:underline"
                    >
                      {o.key}
                    </button>
                    {o.action !== 'create' && o.action !== 'error' && isYamlKind(o.kind) && (
                      <ObjectYamlButton
                        compact
                        object={{ kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) }}
                      />
                    )}
                    {o.paths.length > 0 && (
                      <span className="font-mono text-[11px] text-zinc-500">{o.paths.join(', ')}</span>
                    )}
                    {o.message && <span className="text-xs text-zinc-600">{o.message}</span>}
                    {o.conflicts.length > 0 && o.action !== 'drift' && (
                      <label className="ml-auto flex items-center gap-1.5 text-xs text-red-800">
                        <input
                          type="checkbox"
                          data-testid={`${previewTestId(o.key)}-take`}
                          checked={takeOwnership.has(o.key)}
                          onChange={(e) => onTakeOwnership(o.key, e.target.checked)}
                        />
                        take ownership of {o.conflicts.map((c) => `${c.field} (${c.manager})`).join(', ')}
                      </label>
                    )}
                  </div>
                  {open === o.key && (
                    <div className="mt-2">
                      <DiffHunks hunks={hunksOfPatch(o.diff)} testId={`${previewTestId(o.key)}-diff`} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
