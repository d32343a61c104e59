import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';
import { workloadLabel, workloadPage, workloadPath, type WorkloadRef } from './history-query';

/** PATCH …/scale `{ replicas }`. */
export function patchScale(w: WorkloadRef, replicas: number): Promise<unknown> {
  return fetchJson(`${workloadPath(w)}/scale`, { method: 'PATCH', body: JSON.stringify({ replicas }) });
}

/** Scale a Deployment or StatefulSet; the new size shows in its live row as the controller acts. */
export function useScaleMutation(w: WorkloadRef) {
  return useMutation<unknown, ApiError, number>({
    mutationFn: (replicas) => patchScale(w, replicas),
    meta: feedback<unknown, number>({
      action: (n) => `Scale ${workloadLabel(w)} to ${n}`,
      success: (_d, n) => ({
        title: `${workloadLabel(w)} scaled to ${n}`,
        description:
          n === 0 ? 'Its pods stop; nothing of it runs until it is scaled up.' : 'Pods follow as the controller acts.',
        href: workloadPage(w),
      }),
    }),
  });
}
