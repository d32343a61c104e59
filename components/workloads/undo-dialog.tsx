'use client';

import { useMemo } from 'react';
import type { PodTemplate } from '@/lib/kube-types';
import type { WorkloadRef } from '@/lib/queries/workloads/history-query';
import { useUndoMutation } from '@/lib/queries/workloads/undo-mutation';
import type { HistoryRow } from '@/lib/rollout-history';
import { templateDiff } from '@/lib/template-diff';
import { DiffHunks } from '../ui/diff-hunks';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/**
 * The undo confirmation: what the pod template becomes (− now, + the chosen revision) before the
 * user confirms `kubectl rollout undo --to-revision`. Closes on success; progress shows live.
 */
export function UndoDialog({
  workload,
  current,
  target,
  onClose,
}: {
  workload: WorkloadRef;
  current: PodTemplate;
  target: HistoryRow | null;
  onClose: () => void;
}) {
  const m = useUndoMutation(workload);
  const hunks = useMemo(() => (target ? templateDiff(current, target.template) : []), [current, target]);
  const close = () => {
    m.reset();
    onClose();
  };
  return (
    <Dialog
      open={target !== null}
      onClose={close}
      testId="undo-dialog"
      title={target ? `Roll ${workload.name} back to revision ${target.revision}?` : ''}
      footer={
        <>
          {m.error && (
            <span role="alert" data-testid="undo-error" className="mr-auto text-xs text-red-700">
              {m.error.message}
            </span>
          )}
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            data-testid="undo-confirm"
            disabled={!target || m.isPending}
            onClick={() => target && m.mutate(target.revision, { onSuccess: close })}
          >
            {m.isPending ? 'Rolling back…' : `Roll back to revision ${target?.revision ?? ''}`}
          </Button>
        </>
      }
    >
      <p className="mb-3 text-sm text-zinc-600">
        The pod template changes as shown (<span className="text-red-700">− now</span>,{' '}
        <span className="text-emerald-700">+ revision {target?.revision}</span>); the controller then replaces the pods
        as its update strategy says.
      </p>
      <DiffHunks
        hunks={hunks}
        testId="undo-diff"
        empty="The template already matches this revision: nothing would change."
      />
    </Dialog>
  );
}
