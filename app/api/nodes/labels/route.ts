import { z } from 'zod';
import { editNodeLabels, labelEditsText, nodeTarget } from '@/lib/server/nodes/node-edit';
import { audited } from '@/lib/server/audit/record';
import { HttpError } from '@/lib/server/errors/http-error';
import { labelEditsBody, objectName, resourceVersion } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { KubeError } from '@/lib/server/kube/errors';

export const dynamic = 'force-dynamic';

const nodes = z
  .array(z.strictObject({ name: objectName, resourceVersion }))
  .min(1, 'select at least one node')
  .max(100, 'at most 100 nodes at once')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((n, i) => {
      if (seen.has(n.name))
        ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `node ${n.name} is listed twice`, input: n.name });
      seen.add(n.name);
    });
  });
const body = z.strictObject({ nodes, edits: labelEditsBody });

/** One node's outcome; a failure keeps the status, code and message it would have had alone. */
function failure(name: string, e: unknown) {
  if (e instanceof HttpError)
    return {
      name,
      status: 'failed' as const,
      httpStatus: e.status,
      code: e.code,
      message: e.message,
      field: e.field,
      current: e.extra?.current,
    };
  if (e instanceof KubeError)
    return { name, status: 'failed' as const, httpStatus: e.httpStatus, code: e.code, message: e.message };
  throw e;
}

/**
 * The same label edits on several nodes, each as it was at its own resourceVersion, each patch
 * audited on its own. Nodes do not wait for each other: the answer lists every node's outcome,
 * and is an error (the first failure's status, e.g. 409) when any node was not changed.
 */
export const POST = route({ body }, async (ctx) => {
  const { edits } = ctx.body;
  const text = labelEditsText(edits);
  const results = await Promise.all(
    ctx.body.nodes.map(async (n, i) => {
      try {
        const out = await audited(
          ctx,
          { action: 'label', target: nodeTarget(n.name), details: { edits: text }, message: `label ${text}` },
          () =>
            editNodeLabels(
              ctx.kube(),
              n.name,
              edits,
              n.resourceVersion,
              { name: `nodes.${i}.name`, resourceVersion: `nodes.${i}.resourceVersion` },
              ctx.signal,
            ),
        );
        return {
          name: n.name,
          status: out.changed ? ('updated' as const) : ('unchanged' as const),
          node: out.node,
          changes: out.result,
        };
      } catch (e) {
        return failure(n.name, e);
      }
    }),
  );
  const failed = results.flatMap((r) => (r.status === 'failed' ? [r] : []));
  const first = failed[0];
  if (first) {
    const done = results.length - failed.length;
    throw new HttpError(
      first.httpStatus,
      first.code,
      `${first.name}: ${first.message}${done ? ` (${done} of ${results.length} nodes were changed)` : ''}`,
      first.field,
      undefined,
      { results },
    );
  }
  return { results };
});
