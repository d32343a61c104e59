'use client';

import { useEffect, useState } from 'react';
import type { FieldManager } from '@/lib/object-yaml/managed-fields';
import { useObjectYamlQuery, type YamlRef } from '@/lib/queries/objects/object-yaml-query';
import { useNow } from '../hooks/use-now';
import { QueryPending } from '../feedback/query-states';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Skeleton } from '../ui/skeleton';
import { Age } from '../time/time-text';

/** The YAML text with line numbers, monospace, scrolling inside the dialog. */
function YamlText({ text }: { text: string }) {
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <pre
      data-testid="yaml-text"
      className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 py-2 font-mono text-[12px] leading-5 text-zinc-800"
    >
      {lines.map((l, i) => (
        <div key={i} className="flex">
          <span aria-hidden className="w-10 shrink-0 pr-3 text-right text-zinc-400 select-none">
            {i + 1}
          </span>
          <code className="whitespace-pre">{l}</code>
        </div>
      ))}
    </pre>
  );
}

/** Who last changed which field, newest first. */
function Managers({ managers }: { managers: FieldManager[] }) {
  const now = useNow();
  if (!managers.length)
    return <p className="text-sm text-zinc-500">The API server recorded no field managers for this object.</p>;
  return (
    <ul data-testid="yaml-managers" className="flex flex-col gap-3">
      {managers.map((m, i) => (
        <li key={`${m.manager}-${m.subresource ?? ''}-${i}`} data-testid="yaml-manager" className="text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono font-medium">{m.manager}</span>
            <Badge tone="info" dot={false}>
              {m.operation}
            </Badge>
            {m.subresource && <Badge dot={false}>{m.subresource}</Badge>}
            <span className="text-xs text-zinc-500">
              {m.fields.length} field{m.fields.length === 1 ? '' : 's'}
            </span>
            <span className="text-xs text-zinc-500">
              {m.time ? <Age at={m.time} now={now} suffix=" ago" /> : 'time unknown'}
            </span>
          </div>
          <ul className="mt-1 ml-3 font-mono text-[11.5px] text-zinc-600">
            {m.fields.map((f) => (
              <li key={f} className="break-all">
                {f}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** Copies text with feedback: "Copied" for two seconds, or why it could not. */
function CopyButton({ text }: { text: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button
      size="sm"
      data-testid="yaml-copy"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setState('copied'),
          () => setState('failed'),
        )
      }
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy YAML'}
    </Button>
  );
}

function YamlBody({ r, showManagers }: { r: YamlRef; showManagers: boolean }) {
  const q = useObjectYamlQuery(r, true);
  if (!q.data) return <QueryPending query={q} what="the YAML" skeleton={<Skeleton className="h-64 w-full" />} />;
  const d = q.data;
  return (
    <div className="flex flex-col gap-3">
      {d.redacted && (
        <p data-testid="yaml-redacted" className="text-xs text-zinc-500">
          Values are hidden: the panel shows a Secret’s keys and sizes only.
        </p>
      )}
      {showManagers ? <Managers managers={d.managers} /> : <YamlText text={d.yaml} />}
    </div>
  );
}

/**
 * A "YAML" button and the read-only dialog it opens: the object as sorted YAML (managedFields
 * folded, a Secret's values hidden), a Copy button, and a toggle to the field managers.
 * `compact`: a small "yaml" text button for a table row (beside its "logs" link); nothing is
 * read until it is clicked.
 */
export function ObjectYamlButton({ object, compact = false }: { object: YamlRef; compact?: boolean }) {
  const [open, setOpen] = useState(false);
  const [showManagers, setShowManagers] = useState(false);
  const q = useObjectYamlQuery(object, open);
  const title = `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`;
  return (
    <>
      {compact ? (
        <button
          type="button"
          data-testid="yaml-open"
          title={`Show ${title} as YAML (read-only)`}
          className="shrink-0 font-sans text-xs text-indigo-700 hover:underline"
          onClick={() => setOpen(true)}
        >
          yaml
        </button>
      ) : (
        <Button data-testid="yaml-open" title="Show this object as YAML (read-only)" onClick={() => setOpen(true)}>
          YAML
        </Button>
      )}
      {/* A table has a button per row: its dialog exists only while open. */}
      {(open || !compact) && (
        <Dialog
          open={open}
          onClose={() => setOpen(false)}
          testId="yaml-dialog"
          title={<span className="font-mono">{title}</span>}
          footer={
            <>
              <Button
                size="sm"
                variant="ghost"
                data-testid="yaml-managers-toggle"
                aria-pressed={showManagers}
                disabled={!q.data}
                onClick={() => setShowManagers((s) => !s)}
              >
                {showManagers ? 'Show YAML' : 'Field managers'}
              </Button>
              <span className="flex-1" />
              {q.data && <CopyButton text={q.data.yaml} />}
              <Button size="sm" variant="primary" onClick={() => setOpen(false)}>
                Close
              </Button>
            </>
          }
        >
          <YamlBody r={object} showManagers={showManagers} />
        </Dialog>
      )}
    </>
  );
}
