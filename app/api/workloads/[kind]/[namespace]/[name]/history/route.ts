import { z } from 'zod';
import type { Workload } from '@/lib/kube-types';
import { controllerRevisionHistory, deploymentHistory, type ControllerRevision } from '@/lib/rollout-history';
import { listSelected } from '@/lib/server/workloads/rollout';
import { canI } from '@/lib/server/auth/access-review';
import { HttpError } from '@/lib/server/errors/http-error';
import { workloadParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const params = workloadParams(
  ['deployments', 'statefulsets', 'daemonsets'],
  'only deployments, statefulsets and daemonsets have a rollout history',
);

/**
 * `kubectl rollout history`: the revisions with change-cause, images, age and which is current,
 * plus the workload's template now (for the undo diff). A Deployment's come from the ReplicaSets
 * in the watch cache; ControllerRevisions are not cached, so they are listed with the user's
 * credentials. Either way only for users Kubernetes lets list where the history is kept.
 */
export const GET = route({ params, query: z.strictObject({}) }, async (ctx) => {
  const { kind, namespace, name } = ctx.params;
  const cache = syncedCache();
  const source = kind === 'deployments' ? 'replicasets' : 'controllerrevisions';
  const access = await canI(ctx.session, { verb: 'list', group: 'apps', resource: source, namespace }, ctx.signal);
  if (!access.allowed) {
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${ctx.user.username} to list ${source} in namespace ${namespace}, where the history of ${name} is kept`,
    );
  }
  const w = cache.object<Workload>(kind, `${namespace}/${name}`);
  if (!w?.spec?.template)
    throw new HttpError(404, 'NOT_FOUND', `${kind} "${name}" not found in namespace ${namespace}`, 'name');
  const rows =
    kind === 'deployments'
      ? deploymentHistory(
          w,
          cache.objects<Workload>('replicasets').filter((rs) => rs.metadata.namespace === namespace),
        )
      : controllerRevisionHistory(
          w,
          await listSelected<ControllerRevision>(ctx.kube(), w, 'controllerrevisions', ctx.signal),
        );
  return { kind, namespace, name, template: w.spec.template, rows };
});
