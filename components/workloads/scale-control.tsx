'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { ApiError } from '@/lib/queries/api-error';
import { fetchJson } from '@/lib/queries/fetch-json';
import { workloadPath } from '@/lib/queries/workloads/history-query';
import type { WorkloadRow } from '@/lib/views';
import { Button } from '../ui/button';
import { parseReplicas, workloadTestId } from './workload-list';

const RESOURCE = { Deployment: 'deployments', StatefulSet: 'statefulsets' } as const;

export function scaleCheck(w: Pick<WorkloadRow, 'kind' | 'namespace'>) {
  return {
    verb: 'patch' as const,
    group: 'apps',
    resource: RESOURCE[w.kind as keyof typeof RESOURCE] ?? 'deployments',
    subresource: 'scale',
    namespace: w.namespace,
  };
}

/**
 * Scale a Deployment or StatefulSet: the size with − / + and Apply, sent with the user's own
 * credentials. Disabled, with Kubernetes' reason, when the user may not; DaemonSets explain that
 * their size follows node labels. Progress shows in the row's Ready column, live.
 */
export function ScaleControl({
  w,
  access,
  max = 100,
}: {
  w: WorkloadRow;
  access: AccessAnswer | undefined;
  max?: number;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(String(w.desired));
  const mutation = useMutation<unknown, ApiError, number>({
    mutationFn: (replicas) =>
      fetchJson(
        `${workloadPath({ kind: RESOURCE[w.kind as keyof typeof RESOURCE], namespace: w.namespace, name: w.name })}/scale`,
        {
          method: 'PATCH',
          body: JSON.stringify({ replicas }),
        },
      ),
    onSuccess: () => setOpen(false),
  });

  if (w.kind === 'DaemonSet') {
    return (
      <span
        className="text-xs text-zinc-400"
        title="A DaemonSet runs one pod on each node its selector matches; label nodes to change where it runs."
      >
        one per node
      </span>
    );
  }
  if (access && !access.allowed) {
    return (
      <span
        data-testid={workloadTestId('scale-denied', w)}
        className="text-xs text-zinc-400"
        title={`Kubernetes does not allow you to scale ${w.kind}s in ${w.namespace}${access.reason ? `: ${access.reason}` : ''}`}
      >
        no scale right
      </span>
    );
  }
  if (!open) {
    return (
      <Button
        size="sm"
        data-testid={workloadTestId('scale', w)}
        disabled={!access}
        onClick={() => {
          setText(String(w.desired));
          mutation.reset();
          setOpen(true);
        }}
      >
        Scale
      </Button>
    );
  }
  const parsed = parseReplicas(text, max);
  const step = (d: number) => setText(String(Math.min(max, Math.max(0, (parsed.ok ? parsed.value : w.desired) + d))));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.ok) mutation.mutate(parsed.value);
  };
  const error = !parsed.ok ? parsed.error : mutation.error?.message;
  return (
    <form onSubmit={submit} className="flex flex-col gap-1" data-testid={workloadTestId('scale-form', w)}>
      <div className="flex items-center gap-1">
        <Button size="sm" aria-label="One fewer" onClick={() => step(-1)}>
          −
        </Button>
        <input
          aria-label={`Replicas of ${w.name}`}
          data-testid={workloadTestId('scale-input', w)}
          value={text}
          onChange={(e) => setText(e.target.value)}
          inputMode="numeric"
          aria-invalid={!parsed.ok || undefined}
          className="h-7 w-14 rounded-md border border-zinc-300 px-1.5 text-right text-xs tabular-nums aria-invalid:border-red-400"
        />
        <Button size="sm" aria-label="One more" onClick={() => step(1)}>
          +
        </Button>
        <Button
          size="sm"
          type="submit"
          variant="primary"
          disabled={!parsed.ok || mutation.isPending}
          data-testid={workloadTestId('scale-apply', w)}
        >
          {mutation.isPending ? '…' : 'Apply'}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error && (
        <span role="alert" data-testid={workloadTestId('scale-error', w)} className="max-w-64 text-xs text-red-700">
          {error}
        </span>
      )}
    </form>
  );
}
