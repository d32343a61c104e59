import { z } from 'zod';
import { restartWorkload, workloadTarget } from '@/lib/server/workloads/rollout';
import { audited } from '@/lib/server/audit/record';
import { workloadParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const params = workloadParams(
  ['deployments', 'statefulsets', 'daemonsets'],
  'only deployments, statefulsets and daemonsets restart',
);

/**
 * `kubectl rollout restart`: a new `restartedAt` stamp on the pod template makes the controller
 * replace every pod, one batch at a time. With the user's credentials; audited.
 */
export const POST = route({ params, body: z.strictObject({}) }, async (ctx) => {
  const { kind, namespace, name } = ctx.params;
  const restartedAt = await audited(
    ctx,
    { action: 'restart', target: workloadTarget(kind, namespace, name), message: 'restart the rollout' },
    () => restartWorkload(ctx.kube(), kind, namespace, name, ctx.signal),
  );
  return { kind, namespace, name, restartedAt };
});
