import { useMutation } from '@tanstack/react-query';
import type { Taint } from '../../kube-types';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

export interface NodeTaintsVars {
  taints: Pick<Taint, 'key' | 'value' | 'effect'>[];
  resourceVersion: string;
}

/** PATCH /api/nodes/<name>/taints: the whole list, at the resourceVersion it was read at. */
export function patchNodeTaints(name: string, vars: NodeTaintsVars): Promise<unknown> {
  return fetchJson(`/api/nodes/${encodeURIComponent(name)}/taints`, { method: 'PATCH', body: JSON.stringify(vars) });
}

/** Set a node's taints; the node's live row (and so its snapshot) follows through the stream. */
export function useNodeTaintsMutation(name: string) {
  return useMutation<unknown, ApiError, NodeTaintsVars>({
    mutationFn: (vars) => patchNodeTaints(name, vars),
    meta: feedback<unknown, NodeTaintsVars>({
      action: () => `Save the taints of node ${name}`,
      success: (_d, v) => ({
        title: `Taints of node ${name} saved`,
        description: v.taints.length
          ? `${v.taints.length} taint${v.taints.length === 1 ? '' : 's'} now.`
          : 'No taints now.',
        href: `/nodes/${encodeURIComponent(name)}`,
      }),
    }),
  });
}
