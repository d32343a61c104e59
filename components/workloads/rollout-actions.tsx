'use client';

import type { AccessAnswer, AccessCheck } from '@/lib/queries/access/access-query';
import { useRolloutActionMutation, type RolloutAction } from '@/lib/queries/workloads/rollout-action-mutation';
import { WORKLOAD_RESOURCES } from '@/lib/kube-resources';
import type { WorkloadRow } from '@/lib/views';
import { Button } from '../ui/button';

/** The right restart, pause, resume and undo need: patch the workload. */
export function rolloutCheck(w: Pick<WorkloadRow, 'kind' | 'namespace' | 'name'>): AccessCheck {
  return { verb: 'patch', group: 'apps', resource: WORKLOAD_RESOURCES[w.kind], namespace: w.namespace, name: w.name };
}

export const workloadRef = (w: Pick<WorkloadRow, 'kind' | 'namespace' | 'name'>) => ({
  kind: WORKLOAD_RESOURCES[w.kind],
  namespace: w.namespace,
  name: w.name,
});

const DONE: Record<RolloutAction, string> = {
  restart: 'Restart requested',
  pause: 'Rollout paused',
  resume: 'Rollout resumed',
};

/**
 * Restart (every kind) and pause/resume (Deployments), with the user's credentials. Hidden with
 * Kubernetes' reason when the user may not patch the workload; progress shows in the live status.
 */
export function RolloutActions({ w, access }: { w: WorkloadRow; access: AccessAnswer | undefined }) {
  const m = useRolloutActionMutation(workloadRef(w));
  if (access && !access.allowed) {
    return (
      <p data-testid="rollout-actions-denied" className="text-sm text-zinc-500">
        Kubernetes does not allow you to change {w.kind} {w.name}
        {access.reason ? `: ${access.reason}` : ''}.
      </p>
    );
  }
  const busy = !access || m.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        data-testid="rollout-restart"
        disabled={busy || w.paused}
        onClick={() => m.mutate('restart')}
        title={
          w.paused
            ? 'A paused Deployment does not roll out: resume it first'
            : 'Replace every pod, a batch at a time (kubectl rollout restart)'
        }
      >
        Restart
      </Button>
      {w.kind === 'Deployment' &&
        (w.paused ? (
          <Button
            data-testid="rollout-resume"
            disabled={busy}
            onClick={() => m.mutate('resume')}
            title="Roll out the changes made while paused"
          >
            Resume
          </Button>
        ) : (
          <Button
            data-testid="rollout-pause"
            disabled={busy}
            onClick={() => m.mutate('pause')}
            title="Stop rolling out template changes until resumed"
          >
            Pause
          </Button>
        ))}
      {m.isSuccess && (
        <span data-testid="rollout-action-done" className="text-xs text-zinc-500">
          {DONE[m.variables]}
        </span>
      )}
      {m.error && (
        <span role="alert" data-testid="rollout-action-error" className="text-xs text-red-700">
          {m.error.message}
        </span>
      )}
    </div>
  );
}
