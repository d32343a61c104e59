'use client';

import { useState } from 'react';
import { LOG_PRESETS, type LogSource } from '@/lib/logs/presets';
import { namespacesListing } from '@/lib/namespace-access';
import { useNamespacesQuery } from '@/lib/queries/namespaces/namespaces-query';
import type { PodRow } from '@/lib/views';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { Input, Select } from '../ui/select';

export const BUFFER_SIZES = [10_000, 50_000, 100_000, 200_000] as const;

/**
 * What to follow: a preset (the ImagePod components), or a namespace with a pod or a label
 * selector; the container; tail, since and previous; the buffer size. Applying restarts the stream.
 */
export function LogSourceBar({
  source,
  onApply,
  pods,
  capacity,
  onCapacity,
}: {
  source: LogSource;
  onApply: (s: LogSource) => void;
  pods: PodRow[];
  capacity: number;
  onCapacity: (n: number) => void;
}) {
  const [draft, setDraft] = useState(source);
  const [mode, setMode] = useState<'selector' | 'pod'>(source.pod ? 'pod' : 'selector');
  const set = (p: Partial<LogSource>) => setDraft((d) => ({ ...d, ...p }));
  const inNs = pods.filter((p) => p.namespace === draft.namespace);
  // Suggested namespaces: those the user may list pods in (asked of Kubernetes, empty ones included).
  const namespaces = useNamespacesQuery();
  const readable = namespaces.data ? namespacesListing(namespaces.data.items, ['pods']) : [];
  const pod = inNs.find((p) => p.name === draft.pod);
  const apply = (next: LogSource = draft) =>
    onApply(mode === 'pod' ? { ...next, selector: '', node: '' } : { ...next, pod: '' });
  const preset = (selector: string) => {
    const next = { ...draft, namespace: 'imagepod', selector, pod: '', container: '', node: '' };
    setMode('selector');
    setDraft(next);
    onApply(next);
  };

  return (
    <form
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-1 text-xs font-medium text-zinc-500">ImagePod</span>
        {LOG_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            data-testid={`logs-preset-${p.id}`}
            onClick={() => preset(p.selector)}
            className={cn(
              'rounded-full border px-2.5 py-0.5 text-xs',
              !source.pod && source.selector === p.selector && source.namespace === 'imagepod'
                ? 'border-indigo-500 bg-indigo-50 text-indigo-800'
                : 'border-zinc-300 text-zinc-700 hover:bg-zinc-50',
            )}
          >
            {p.label}
          </button>
        ))}
        <span className="ml-auto flex items-center gap-4">
          <label className="flex items-center gap-1 text-sm text-zinc-700">
            <input
              type="checkbox"
              data-testid="logs-previous"
              checked={draft.previous}
              onChange={(e) => set({ previous: e.target.checked })}
            />
            Previous container
          </label>
          <label className="flex items-center gap-1.5 text-xs text-zinc-500">
            Buffer
            <Select data-testid="logs-buffer" value={capacity} onChange={(e) => onCapacity(Number(e.target.value))}>
              {BUFFER_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n.toLocaleString()} lines
                </option>
              ))}
            </Select>
          </label>
        </span>
      </div>
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          Namespace
          <Input
            data-testid="logs-namespace"
            className="w-40 font-mono"
            list="logs-namespaces"
            value={draft.namespace}
            onChange={(e) => set({ namespace: e.target.value.trim() })}
          />
          <datalist id="logs-namespaces">
            {readable.map((ns) => (
              <option key={ns} value={ns} />
            ))}
          </datalist>
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          Follow
          <Select data-testid="logs-mode" value={mode} onChange={(e) => setMode(e.target.value as 'selector' | 'pod')}>
            <option value="selector">pods of a selector</option>
            <option value="pod">one pod</option>
          </Select>
        </label>
        {mode === 'selector' ? (
          <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
            Label selector
            <Input
              data-testid="logs-selector"
              className="w-56 font-mono"
              placeholder="app=imagepod-api"
              value={draft.selector}
              onChange={(e) => set({ selector: e.target.value })}
            />
          </label>
        ) : (
          <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
            Pod
            <Input
              data-testid="logs-pod"
              className="w-64 font-mono"
              list="logs-pods"
              value={draft.pod}
              onChange={(e) => set({ pod: e.target.value.trim(), container: '' })}
            />
            <datalist id="logs-pods">
              {inNs.slice(0, 500).map((p) => (
                <option key={p.key} value={p.name} />
              ))}
            </datalist>
          </label>
        )}
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          Container
          {pod ? (
            <Select
              data-testid="logs-container"
              value={draft.container}
              onChange={(e) => set({ container: e.target.value })}
            >
              <option value="">all containers</option>
              {pod.containers.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          ) : (
            <Input
              data-testid="logs-container"
              className="w-32 font-mono"
              placeholder="all"
              value={draft.container}
              onChange={(e) => set({ container: e.target.value.trim() })}
            />
          )}
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          Tail
          <Input
            data-testid="logs-tail"
            className="w-20 tabular-nums"
            placeholder="all"
            value={draft.tail}
            onChange={(e) => set({ tail: e.target.value.trim() })}
          />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
          Since
          <Input
            data-testid="logs-since"
            className="w-36 font-mono"
            placeholder="15m or a time"
            value={draft.since}
            onChange={(e) => set({ since: e.target.value.trim() })}
          />
        </label>
        {mode === 'selector' && draft.node && (
          <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
            On node
            <Input
              data-testid="logs-node"
              className="w-36 font-mono"
              value={draft.node}
              onChange={(e) => set({ node: e.target.value.trim() })}
            />
          </label>
        )}
        {draft.until && (
          <label className="flex flex-col gap-0.5 text-xs text-zinc-500">
            Until
            <Input
              data-testid="logs-until"
              className="w-52 font-mono"
              value={draft.until}
              onChange={(e) => set({ until: e.target.value.trim() })}
            />
          </label>
        )}
        <Button type="submit" variant="primary" data-testid="logs-apply">
          Show logs
        </Button>
      </div>
    </form>
  );
}
