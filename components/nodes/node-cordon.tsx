'use client';

import type { AccessAnswer } from '@/lib/queries/access/access-query';
import { useCordonMutation } from '@/lib/queries/nodes/node-cordon-mutation';
import type { NodeRow } from '@/lib/views';
import { Button } from '../ui/button';

/** Cordon / uncordon: whether the scheduler may place new pods here (running pods stay either way). */
export function NodeCordon({ node, access }: { node: NodeRow; access: AccessAnswer | undefined }) {
  const m = useCordonMutation(node.name);
  const denied =
    access && !access.allowed
      ? `Kubernetes does not allow you to change this node${access.reason ? `: ${access.reason}` : ''}`
      : undefined;
  return (
    <span className="flex items-center gap-2">
      {m.error && (
        <span role="alert" data-testid="node-cordon-error" className="max-w-80 text-xs text-red-700">
          {m.error.message}
        </span>
      )}
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
        onClick={() => m.mutate(!node.unschedulable)}
      >
        {node.unschedulable ? 'Uncordon' : 'Cordon'}
      </Button>
    </span>
  );
}
