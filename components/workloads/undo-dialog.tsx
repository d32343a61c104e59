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
 * user confirms `kubectl rollout undo --to-revision`. Closes once sent; its toast tells the result.
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
  const close = onClose;
  return (
    <Dialog
      open={target !== null}
      onClose={close}
      testId="undo-dialog"
      title={target ? `Roll ${workload.name} back to revision ${target.revision}?` : ''}
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            data-testid="undo-confirm"
            disabled={!target || m.isPending}
            onClick={() => {
              if (!target) return;
              // The toast tells how it went (mutation-feedback.ts); the rollback shows live.
              m.mutate(target.revision);
              onClose();
            }}
          >
            {`Roll back to revision ${target?.revision ?? ''}`}
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
