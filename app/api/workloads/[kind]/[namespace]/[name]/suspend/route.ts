import { z } from 'zod';
import { audited } from '@/lib/server/audit/record';
import { cronJobParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { cronJobTarget, setCronJobSuspended } from '@/lib/server/workloads/cronjobs';

export const dynamic = 'force-dynamic';

const body = z.strictObject({ suspend: z.boolean('suspend must be true or false') });

/**
 * Suspends (`suspend: true`) or resumes a CronJob: while suspended it starts no new Jobs. With the
 * user's credentials; audited as `suspend` or `resume`.
 */
export const POST = route({ params: cronJobParams, body }, async (ctx) => {
  const { namespace, name } = ctx.params;
  const { suspend } = ctx.body;
  const action = suspend ? 'suspend' : 'resume';
  const cj = await audited(
    ctx,
    { action, target: cronJobTarget(namespace, name), message: `${action} the CronJob` },
    () => setCronJobSuspended(ctx.kube(), namespace, name, suspend, ctx.signal),
  );
  return { kind: 'cronjobs', namespace, name, suspended: Boolean(cj.spec?.suspend) };
});
