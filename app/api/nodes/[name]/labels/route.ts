import { z } from 'zod';
import { editNodeLabels, labelEditsText, nodeTarget } from '@/lib/server/nodes/node-edit';
import { audited } from '@/lib/server/audit/record';
import { labelEditsBody, nodeParams, resourceVersion } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ edits: labelEditsBody, resourceVersion });

/**
 * Sets and removes labels on one node, as it was at `resourceVersion` (409 with its current
 * labels if it changed since), with the user's credentials; audited.
 */
export const PATCH = route({ params: nodeParams, body }, async (ctx) => {
  const { name } = ctx.params;
  const { edits, resourceVersion: rv } = ctx.body;
  const text = labelEditsText(edits);
  const out = await audited(
    ctx,
    { action: 'label', target: nodeTarget(name), details: { edits: text }, message: `label ${text}` },
    () => editNodeLabels(ctx.kube(), name, edits, rv, { name: 'name', resourceVersion: 'resourceVersion' }, ctx.signal),
  );
  return { node: out.node, changes: out.result, changed: out.changed };
});
