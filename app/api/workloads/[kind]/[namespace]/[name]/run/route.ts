import { z } from 'zod';
import { audited } from '@/lib/server/audit/record';
import { cronJobParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { cronJobTarget, newManualJobName, runCronJobNow } from '@/lib/server/workloads/cronjobs';

export const dynamic = 'force-dynamic';

/**
 * "Run now": creates a Job from the CronJob's template, as `kubectl create job --from=cronjob/<name>`
 * does (annotated `cronjob.kubernetes.io/instantiate: manual`, owned by the CronJob). With the
 * user's credentials; audited as `run-now` with the Job's name.
 */
export const POST = route({ params: cronJobParams, body: z.strictObject({}) }, async (ctx) => {
  const { namespace, name } = ctx.params;
  const jobName = newManualJobName(name);
  const job = await audited(
    ctx,
    {
      action: 'run-now',
      target: cronJobTarget(namespace, name),
      details: { job: jobName },
      message: `run the CronJob now as Job ${jobName}`,
    },
    () => runCronJobNow(ctx.kube(), namespace, name, jobName, ctx.signal),
  );
  return { kind: 'cronjobs', namespace, name, job: job.metadata.name };
});
