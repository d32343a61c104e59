import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

/** POST /api/nodes/<name>/cordon `{ unschedulable }`. */
export function postCordon(name: string, unschedulable: boolean): Promise<unknown> {
  return fetchJson(`/api/nodes/${encodeURIComponent(name)}/cordon`, {
    method: 'POST',
    body: JSON.stringify({ unschedulable }),
  });
}

/** Cordon (true) or uncordon (false); the node's status follows through the stream. */
export function useCordonMutation(name: string) {
  return useMutation<unknown, ApiError, boolean>({ mutationFn: (unschedulable) => postCordon(name, unschedulable) });
}
