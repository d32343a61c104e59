import { useMutation } from '@tanstack/react-query';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

/** POST /api/nodes/<name>/cordon `{ unschedulable }`. */
export function postCordon(name: string, unschedulable: boolean): Promise<unknown> {
  return fetchJson(`/api/nodes/${encodeURIComponent(name)}/cordon`, {
    method: 'POST',
    body: JSON.stringify({ unschedulable }),
  });
}

/** Cordon (true) or uncordon (false); the node's status follows through the stream. */
export function useCordonMutation(name: string) {
  const href = `/nodes/${encodeURIComponent(name)}`;
  return useMutation<unknown, ApiError, boolean>({
    mutationFn: (unschedulable) => postCordon(name, unschedulable),
    meta: feedback<unknown, boolean>({
      action: (cordon) => `${cordon ? 'Cordon' : 'Uncordon'} node ${name}`,
      success: (_d, cordon) => ({
        title: `Node ${name} ${cordon ? 'is cordoned' : 'takes new pods again'}`,
        description: cordon ? 'No new pods are scheduled on it; its running pods stay.' : undefined,
        href,
      }),
    }),
  });
}
