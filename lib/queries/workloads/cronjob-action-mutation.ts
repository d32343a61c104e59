import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

/** What can be done to a CronJob from the panel. */
export type CronJobAction = 'suspend' | 'resume' | 'run';

/** What a CronJob action answers; `job` is the Job "run now" created. */
export interface CronJobActionResult {
  namespace: string;
  name: string;
  suspended?: boolean;
  job?: string;
}

const cronJobPath = (namespace: string, name: string) =>
  `/api/workloads/cronjobs/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;

/** POST …/suspend `{ suspend }` or …/run `{}`. */
export function postCronJobAction(namespace: string, name: string, action: CronJobAction) {
  return action === 'run'
    ? fetchJson<CronJobActionResult>(`${cronJobPath(namespace, name)}/run`, { method: 'POST', body: '{}' })
    : fetchJson<CronJobActionResult>(`${cronJobPath(namespace, name)}/suspend`, {
        method: 'POST',
        body: JSON.stringify({ suspend: action === 'suspend' }),
      });
}

/**
 * Suspend, resume or run now. Nothing to invalidate: the CronJob's row and the new Job arrive
 * through the stream.
 */
export function useCronJobActionMutation(namespace: string, name: string) {
  return useMutation<CronJobActionResult, ApiError, CronJobAction>({
    mutationFn: (action) => postCronJobAction(namespace, name, action),
    meta: feedback<CronJobActionResult, CronJobAction>({
      action: (a) =>
        `${a === 'run' ? 'Run' : a === 'suspend' ? 'Suspend' : 'Resume'} CronJob ${namespace}/${name}${a === 'run' ? ' now' : ''}`,
      success: (r, a) =>
        a === 'run' && r.job
          ? {
              title: `Job ${namespace}/${r.job} created from CronJob ${name}`,
              description: 'It runs now, outside the schedule.',
              href: `/workloads/jobs/${encodeURIComponent(namespace)}/${encodeURIComponent(r.job)}`,
            }
          : {
              title: `CronJob ${namespace}/${name} ${a === 'suspend' ? 'is suspended' : 'runs on its schedule again'}`,
              description: a === 'suspend' ? 'No new Jobs start until it is resumed; running ones go on.' : undefined,
              href: `/workloads/cronjobs/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
            },
    }),
  });
}
