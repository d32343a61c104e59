import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';
import { workloadLabel, workloadPage, workloadPath, type WorkloadRef } from './history-query';

export type RolloutAction = 'restart' | 'pause' | 'resume';

const SAID: Record<RolloutAction, { verb: string; done: string; next: string }> = {
  restart: { verb: 'Restart', done: 'is restarting', next: 'Its pods are replaced a batch at a time.' },
  pause: { verb: 'Pause', done: 'is paused', next: 'Template changes wait until it is resumed.' },
  resume: { verb: 'Resume', done: 'is rolling out again', next: 'Changes made while paused roll out now.' },
};

/** POST …/restart | pause | resume with an empty body. */
export function postRolloutAction(w: WorkloadRef, action: RolloutAction): Promise<Record<string, unknown>> {
  return fetchJson(`${workloadPath(w)}/${action}`, { method: 'POST', body: '{}' });
}

/**
 * Restart, pause or resume. Nothing to invalidate: the workload's live row (and with it the
 * history's key) changes through the stream once the controller has acted.
 */
export function useRolloutActionMutation(w: WorkloadRef) {
  return useMutation<Record<string, unknown>, ApiError, RolloutAction>({
    mutationFn: (action) => postRolloutAction(w, action),
    meta: feedback<unknown, RolloutAction>({
      action: (a) => `${SAID[a].verb} ${workloadLabel(w)}`,
      success: (_d, a) => ({
        title: `${workloadLabel(w)} ${SAID[a].done}`,
        description: SAID[a].next,
        href: workloadPage(w),
      }),
    }),
  });
}
