import { useMutation } from '@tanstack/react-query';
import type { LabelChange, LabelEdit } from '../../label-validation';
import type { PlacementChange } from '../../placement';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { silent } from '../mutation-feedback';

export interface LabelPreviewVars {
  nodes: string[];
  edits: LabelEdit[];
}

export interface NodeLabelPreview {
  name: string;
  /** The version the preview was computed at; applying sends it back as a precondition. */
  resourceVersion: string;
  labels: Record<string, string>;
  changes: LabelChange[];
  placement: PlacementChange[];
}

export interface LabelPreviewData {
  nodes: NodeLabelPreview[];
  hiddenDaemonSets: number;
}

/** POST /api/nodes/labels/preview: what the edits would change, without changing anything. */
export function postLabelPreview(vars: LabelPreviewVars): Promise<LabelPreviewData> {
  return fetchJson<LabelPreviewData>('/api/nodes/labels/preview', { method: 'POST', body: JSON.stringify(vars) });
}

/** The placement preview, asked for explicitly: its answer is what an apply is allowed to write. */
export function useLabelPreviewMutation() {
  return useMutation<LabelPreviewData, ApiError, LabelPreviewVars>({
    mutationFn: postLabelPreview,
    meta: silent('a dry run: the form shows its answer or its error in place'),
  });
}
