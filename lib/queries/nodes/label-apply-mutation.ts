import { useMutation } from '@tanstack/react-query';
import type { LabelChange, LabelEdit } from '../../label-validation';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

export interface LabelApplyVars {
  nodes: { name: string; resourceVersion: string }[];
  edits: LabelEdit[];
}

export interface LabelApplyData {
  results: { name: string; status: 'updated' | 'unchanged'; changes: LabelChange[] }[];
}

/** POST /api/nodes/labels: the edits on every node, each at the resourceVersion it was previewed at. */
export function postLabelApply(vars: LabelApplyVars): Promise<LabelApplyData> {
  return fetchJson<LabelApplyData>('/api/nodes/labels', { method: 'POST', body: JSON.stringify(vars) });
}

/** Apply label edits. Nothing to invalidate: the nodes view follows through the stream. */
export function useLabelApplyMutation() {
  return useMutation<LabelApplyData, ApiError, LabelApplyVars>({
    mutationFn: postLabelApply,
    meta: feedback<LabelApplyData, LabelApplyVars>({
      action: (v) =>
        `Change labels on ${v.nodes.length === 1 ? `node ${v.nodes[0]!.name}` : `${v.nodes.length} nodes`}`,
      success: (d) => {
        const updated = d.results.filter((r) => r.status === 'updated');
        const one = updated.length === 1 ? updated[0]!.name : null;
        return {
          title: one ? `Labels of node ${one} changed` : `Labels changed on ${updated.length} nodes`,
          description:
            d.results.length > updated.length ? `${d.results.length - updated.length} already had them.` : undefined,
          href: one ? `/nodes/${encodeURIComponent(one)}` : '/nodes',
        };
      },
    }),
  });
}
