import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { workloadPath, type WorkloadRef } from './history-query';

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
  return useMutation<UndoAnswer, ApiError, number>({ mutationFn: (toRevision) => postUndo(w, toRevision) });
}
