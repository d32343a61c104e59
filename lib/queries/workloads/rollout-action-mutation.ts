import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { workloadPath, type WorkloadRef } from './history-query';

export type RolloutAction = 'restart' | 'pause' | 'resume';

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
  });
}
