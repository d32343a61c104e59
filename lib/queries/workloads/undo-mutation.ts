import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';
import { workloadLabel, workloadPage, workloadPath, type WorkloadRef } from './history-query';

export interface UndoAnswer {
  revision: number;
  skipped: boolean;
}

/** POST …/undo `{ toRevision }`. */
export function postUndo(w: WorkloadRef, toRevision: number): Promise<UndoAnswer> {
  return fetchJson<UndoAnswer>(`${workloadPath(w)}/undo`, { method: 'POST', body: JSON.stringify({ toRevision }) });
}

/** Roll back to a revision; progress and the new history arrive through the stream (see history-query.ts). */
export function useUndoMutation(w: WorkloadRef) {
  return useMutation<UndoAnswer, ApiError, number>({
    mutationFn: (toRevision) => postUndo(w, toRevision),
    meta: feedback<UndoAnswer, number>({
      action: (rev) => `Roll ${workloadLabel(w)} back to revision ${rev}`,
      success: (a, rev) => ({
        title: a.skipped
          ? `${workloadLabel(w)} already runs revision ${rev}'s template`
          : `${workloadLabel(w)} is rolling back to revision ${rev}`,
        description: a.skipped ? 'Nothing changed.' : 'The controller replaces the pods as its update strategy says.',
        href: workloadPage(w),
      }),
      href: () => workloadPage(w),
    }),
  });
}
