import { z } from 'zod';
import { nodeTarget, setUnschedulable } from '@/lib/server/nodes/node-edit';
import { audited } from '@/lib/server/audit/record';
import { nodeParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ unschedulable: z.boolean('unschedulable must be true (cordon) or false (uncordon)') });

/**
 * `kubectl cordon` (true) / `uncordon` (false): new pods are (not) scheduled onto the node; pods
 * already there keep running. With the user's credentials; audited.
 */
export const POST = route({ params: nodeParams, body }, async (ctx) => {
  const { name } = ctx.params;
  const action = ctx.body.unschedulable ? 'cordon' : 'uncordon';
  const node = await audited(ctx, { action, target: nodeTarget(name), message: action }, () =>
    setUnschedulable(ctx.kube(), name, ctx.body.unschedulable, ctx.signal),
  );
  return { node };
});
