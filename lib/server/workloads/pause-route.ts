import 'server-only';
import { z } from 'zod';
import { audited } from '../audit/record';
import { workloadParams } from '../http/params';
import { route } from '../http/route';
import { setPaused, workloadTarget } from './rollout';

const params = workloadParams(['deployments'], 'only deployments can be paused and resumed');

/**
 * The handler of `kubectl rollout pause` (true) or `resume` (false): while paused, the Deployment
 * controller does not roll out template changes. With the user's credentials; audited.
 */
export function pauseRoute(paused: boolean) {
  return route({ params, body: z.strictObject({}) }, async (ctx) => {
    const { kind, namespace, name } = ctx.params;
    const action = paused ? 'pause' : 'resume';
    const w = await audited(
      ctx,
      { action, target: workloadTarget(kind, namespace, name), message: `${action} the rollout` },
      () => setPaused(ctx.kube(), namespace, name, paused, ctx.signal),
    );
    return { kind, namespace, name, paused: Boolean(w.spec?.paused) };
  });
}
