import { z } from 'zod';
import { taintListSchema } from '@/lib/label-validation';
import { nodeTarget, setNodeTaints } from '@/lib/server/nodes/node-edit';
import { audited } from '@/lib/server/audit/record';
import { nodeParams, resourceVersion } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { formatTaint } from '@/lib/taints';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  taints: taintListSchema.refine((t) => t.length <= 50, 'at most 50 taints'),
  resourceVersion,
});

/**
 * Replaces a node's taints with `taints`, as the node was at `resourceVersion`: the whole list is
 * written, so a concurrent change is a 409 with the current taints instead of being lost.
 * With the user's credentials; audited.
 */
export const PATCH = route({ params: nodeParams, body }, async (ctx) => {
  const { name } = ctx.params;
  const text = ctx.body.taints.map(formatTaint).join(' ') || 'none';
  const out = await audited(
    ctx,
    { action: 'taint', target: nodeTarget(name), details: { taints: text }, message: `set taints: ${text}` },
    () => setNodeTaints(ctx.kube(), name, ctx.body.taints, ctx.body.resourceVersion, ctx.signal),
  );
  return { node: out.node, changed: out.changed };
});
