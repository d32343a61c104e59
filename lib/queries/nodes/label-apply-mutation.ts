import { useMutation } from '@tanstack/react-query';
import type { LabelChange, LabelEdit } from '../../label-validation';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

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
  return useMutation<LabelApplyData, ApiError, LabelApplyVars>({ mutationFn: postLabelApply });
}
