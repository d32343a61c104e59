import { z } from 'zod';
import { undoWorkload, workloadTarget } from '@/lib/server/workloads/rollout';
import { audited } from '@/lib/server/audit/record';
import { workloadParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const params = workloadParams(
  ['deployments', 'statefulsets', 'daemonsets'],
  'only deployments, statefulsets and daemonsets can be rolled back',
);
const body = z.strictObject({
  toRevision: z
    .number('toRevision must be a revision number')
    .int('toRevision must be a whole number')
    .min(0, 'toRevision cannot be negative')
    .max(Number.MAX_SAFE_INTEGER)
    .optional(),
});

/**
 * `kubectl rollout undo --to-revision=N` (absent or 0: the previous revision). The revision is
 * picked from a fresh read with the user's credentials and written with the workload's
 * resourceVersion as a precondition, so a change made meanwhile gives 409 instead of being lost.
 */
export const POST = route({ params, body }, async (ctx) => {
  const { kind, namespace, name } = ctx.params;
  const to = ctx.body.toRevision ?? 0;
  const message = to > 0 ? `roll back to revision ${to}` : 'roll back to the previous revision';
  const result = await audited(
    ctx,
    { action: 'undo', target: workloadTarget(kind, namespace, name), details: { toRevision: to }, message },
    () => undoWorkload(ctx.kube(), kind, namespace, name, to, ctx.signal),
  );
  return { kind, namespace, name, ...result };
});
