'use client';

import type { AccessAnswer, AccessCheck } from '@/lib/queries/access/access-query';
import { useRolloutActionMutation } from '@/lib/queries/workloads/rollout-action-mutation';
import { WORKLOAD_RESOURCES } from '@/lib/kube-resources';
import type { WorkloadRow } from '@/lib/views';
import { useState } from 'react';
import { ConfirmDialog } from '../feedback/confirm-dialog';
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

/** How a restart replaces the pods, as its kind's controller does it. */
const HOW: Record<WorkloadRow['kind'], string> = {
  Deployment: 'a batch at a time, as its update strategy (maxSurge / maxUnavailable) allows',
  StatefulSet: 'one at a time, from the highest ordinal down, each waiting for the one before to be Ready',
  DaemonSet: 'node by node, as its update strategy (maxUnavailable) allows',
};

/**
 * Restart (every kind) and pause/resume (Deployments), with the user's credentials. Hidden with
 * Kubernetes' reason when the user may not patch the workload; progress shows in the live status.
 */
export function RolloutActions({ w, access }: { w: WorkloadRow; access: AccessAnswer | undefined }) {
  const m = useRolloutActionMutation(workloadRef(w));
  const [confirmRestart, setConfirmRestart] = useState(false);
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
        onClick={() => setConfirmRestart(true)}
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
      <ConfirmDialog
        open={confirmRestart}
        testId="restart-confirm"
        title={`Restart ${w.kind} ${w.namespace}/${w.name}?`}
        confirmLabel={`Restart ${w.desired} pod${w.desired === 1 ? '' : 's'}`}
        onConfirm={() => {
          setConfirmRestart(false);
          m.mutate('restart');
        }}
        onCancel={() => setConfirmRestart(false)}
      >
        <p>
          Every pod of {w.name} ({w.desired}) is replaced by a new one, {HOW[w.kind]}. Containers start afresh: what
          they kept in memory or on an emptyDir is lost.
        </p>
        {w.ready < w.desired && (
          <p className="text-amber-800">
            Only {w.ready} of {w.desired} are ready now: a restart may leave fewer serving for a while.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
