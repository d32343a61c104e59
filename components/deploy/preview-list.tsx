'use client';

import { useState } from 'react';
import type { DeployChoices, DeployPreview, ObjectPreview } from '@/lib/deploy/preview-types';
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

/** The operator's choices per object key: take ownership of its conflicts, keep its live replicas. */
export interface Choices {
  take: ReadonlySet<string>;
  keep: ReadonlySet<string>;
}
/** One of the two choices. */
export type Choice = keyof Choices;

/** The choices with one key added or removed. */
export function toggleChoice(c: Choices, choice: Choice, key: string, on: boolean): Choices {
  const next = new Set(c[choice]);
  if (on) next.add(key);
  else next.delete(key);
  return { ...c, [choice]: next };
}

/** The choices as the preview and deploy routes take them. */
export const choicesBody = (c: Choices): DeployChoices => ({
  takeOwnership: [...c.take],
  keepLiveReplicas: [...c.keep],
});

/** The objects of a preview, in stage order. */
export const previewObjects = (p: DeployPreview): ObjectPreview[] => p.stages.flatMap((s) => s.objects);

/** "3 to create · 1 to change · 0 drifted · 0 in conflict · 12 unchanged" (and errors, if any). */
export function previewSummary(p: DeployPreview): string {
  const all = previewObjects(p);
  const count = (a: ObjectPreview['action']) => all.filter((o) => o.action === a).length;
  return `${count('create')} to create · ${count('change')} to change · ${count('drift')} drifted · ${count('conflict')} in conflict · ${count('unchanged')} unchanged${count('error') ? ` · ${count('error')} errors` : ''}`;
}

export const previewTestId = (key: string) => `preview-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/**
 * The preview, stage by stage: what each object would become, from the API server's dry runs.
 * Changes open to their YAML diff; a conflict offers "take ownership" for that object only;
 * replicas scaled by hand show both numbers and offer to keep the live one.
 */
export function PreviewList({
  preview,
  choices,
  onChoose,
}: {
  preview: DeployPreview;
  choices: Choices;
  onChoose: (choice: Choice, key: string, on: boolean) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-3" data-testid="deploy-preview">
      <p className="text-sm text-zinc-600" data-testid="preview-summary">
        {previewSummary(preview)}
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
                          checked={choices.take.has(o.key)}
                          onChange={(e) => onChoose('take', o.key, e.target.checked)}
                        />
                        take ownership of {o.conflicts.map((c) => `${c.field} (${c.manager})`).join(', ')}
                      </label>
                    )}
                  </div>
                  {o.replicas && (
                    <ReplicaChoice o={o} keep={choices.keep.has(o.key)} onKeep={(on) => onChoose('keep', o.key, on)} />
                  )}
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

/** Live and bundle replicas side by side, and the choice to keep the live number (as Argo CD can ignore replica drift). */
function ReplicaChoice({ o, keep, onKeep }: { o: ObjectPreview; keep: boolean; onKeep: (on: boolean) => void }) {
  const r = o.replicas!;
  const id = previewTestId(o.key);
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 pl-26 text-xs" data-testid={`${id}-replicas`}>
      <span className="text-zinc-700">
        replicas: live <b data-testid={`${id}-replicas-live`}>{r.live}</b>
        {r.managers.length > 0 && <span className="text-zinc-500"> (set by {r.managers.join(', ')})</span>} · bundle{' '}
        <b data-testid={`${id}-replicas-bundle`}>{r.bundle}</b>
      </span>
      <label className="flex items-center gap-1.5 text-zinc-800">
        <input
          type="checkbox"
          data-testid={`${id}-keep-replicas`}
          checked={keep}
          onChange={(e) => onKeep(e.target.checked)}
        />
        keep the live {r.live} replicas
      </label>
      <span className="text-zinc-500">
        {keep ? `the deploy leaves ${r.live}` : `the deploy sets ${r.bundle}`}
        {keep !== o.keepsLiveReplicas ? ' (preview again to see the diff)' : ''}
      </span>
    </div>
  );
}
