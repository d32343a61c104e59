'use client';

import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { useCordonMutation } from '@/lib/queries/nodes/node-cordon-mutation';
import type { NodeRow } from '@/lib/views';
import { useState } from 'react';
import { ConfirmDialog } from '../feedback/confirm-dialog';
import { Button } from '../ui/button';

/** Cordon / uncordon: whether the scheduler may place new pods here (running pods stay either way). */
export function NodeCordon({
  node,
  access,
  pods,
}: {
  node: NodeRow;
  access: AccessAnswer | undefined;
  /** How many pods run on the node now (said in the confirmation), when known. */
  pods?: number;
}) {
  const m = useCordonMutation(node.name);
  const [confirm, setConfirm] = useState(false);
  const denied =
    access && !access.allowed
      ? `Kubernetes does not allow you to change this node${access.reason ? `: ${access.reason}` : ''}`
      : undefined;
  return (
    <span className="flex items-center gap-2">
      <Button
        data-testid="node-cordon"
        data-unschedulable={node.unschedulable}
        disabled={!access || Boolean(denied) || m.isPending}
        title={
          denied ??
          (node.unschedulable
            ? 'Let the scheduler place new pods here again'
            : 'Stop new pods from being scheduled here; running pods stay')
        }
        // Uncordoning only lets the scheduler in again: no confirmation.
        onClick={() => (node.unschedulable ? m.mutate(false) : setConfirm(true))}
      >
        {node.unschedulable ? 'Uncordon' : 'Cordon'}
      </Button>
      <ConfirmDialog
        open={confirm}
        testId="cordon-confirm"
        title={`Cordon node ${node.name}?`}
        confirmLabel="Cordon"
        onConfirm={() => {
          setConfirm(false);
          m.mutate(true);
        }}
        onCancel={() => setConfirm(false)}
      >
        <p>
          The scheduler stops placing new pods on {node.name}
          {node.gpuAllocatable && Object.keys(node.gpuAllocatable).length > 0 ? ', GPU pods included' : ''}.{' '}
          {pods === undefined ? 'Its running pods' : `Its ${pods} running pod${pods === 1 ? '' : 's'}`} keep running:
          cordoning evicts nothing (a drain does). Pods of DaemonSets that tolerate it may still land here.
        </p>
      </ConfirmDialog>
    </span>
  );
}
