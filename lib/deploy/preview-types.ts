/**
 * What a deploy preview answers (`POST /api/deploy/preview`): the shapes the server builds and
 * the Deploy page renders. Pure, imported by both sides.
 */
import type { FieldConflict } from './conflicts';

export type PreviewAction = 'create' | 'change' | 'unchanged' | 'drift' | 'conflict' | 'error';

export interface ObjectPreview {
  key: string;
  kind: string;
  name: string;
  namespace: string | null;
  action: PreviewAction;
  /** Unified YAML diff (live → after deploy); for a create, the whole object. */
  diff: string;
  /** Changed top-level paths, e.g. ["spec.replicas", "spec.template.spec.containers"]. */
  paths: string[];
  conflicts: FieldConflict[];
  message: string | null;
}

export interface PreviewStage {
  id: string;
  title: string;
  objects: ObjectPreview[];
}

export interface DeployPreview {
  /** False when the bundle's namespace does not exist yet (everything in it is a create). */
  namespaceExists: boolean;
  stages: PreviewStage[];
}
