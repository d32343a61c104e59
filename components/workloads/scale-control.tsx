'use client';

import { useState, type FormEvent } from 'react';
import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { useScaleMutation } from '@/lib/queries/workloads/scale-mutation';
import type { WorkloadRow } from '@/lib/views';
import { ConfirmDialog } from '../feedback/confirm-dialog';
import { MAX_REPLICAS } from '@/lib/replicas';
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
  max = MAX_REPLICAS,
}: {
  w: WorkloadRow;
  access: AccessAnswer | undefined;
  max?: number;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(String(w.desired));
  const [confirmZero, setConfirmZero] = useState(false);
  const gpuUnits = Object.values(w.gpuPerPod).reduce((a, b) => a + b, 0) * w.desired;
  const mutation = useScaleMutation({
    kind: RESOURCE[w.kind as keyof typeof RESOURCE] ?? 'deployments',
    namespace: w.namespace,
    name: w.name,
  });
  const send = (replicas: number) => {
    setConfirmZero(false);
    setOpen(false);
    mutation.mutate(replicas);
  };

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
    if (!parsed.ok) return;
    // Stopping every pod has impact: said before it is done.
    if (parsed.value === 0 && w.desired > 0) setConfirmZero(true);
    else send(parsed.value);
  };
  const error = !parsed.ok ? parsed.error : undefined;
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
      <ConfirmDialog
        open={confirmZero}
        testId="scale-zero-confirm"
        title={`Scale ${w.kind} ${w.namespace}/${w.name} to 0?`}
        confirmLabel={`Stop all ${w.desired} pod${w.desired === 1 ? '' : 's'}`}
        danger
        onConfirm={() => send(0)}
        onCancel={() => setConfirmZero(false)}
      >
        <p>
          All {w.desired} pod{w.desired === 1 ? '' : 's'} of {w.name} stop, and nothing of it runs until it is scaled up
          again{gpuUnits > 0 ? `; the ${gpuUnits} GPU unit${gpuUnits === 1 ? '' : 's'} they request are freed` : ''}.
        </p>
      </ConfirmDialog>
    </form>
  );
}
