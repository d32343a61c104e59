import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

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
  });
}
