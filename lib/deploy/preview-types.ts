/**
 * What a deploy preview answers (`POST /api/deploy/preview`): the shapes the server builds and
 * the Deploy page renders. Pure, imported by both sides.
 */
import type { FieldConflict } from './conflicts';
import type { ReplicaDrift } from './replicas';

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
  /** Live replicas that differ from the bundle's (a scale by hand), or null; offers "keep live replicas". */
  replicas: ReplicaDrift | null;
  /** True when this preview keeps the live replicas (the deploy applies the live number). */
  keepsLiveReplicas: boolean;
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

/** What the operator chose for a deploy, by `Kind/namespace/name` key (the preview's and the run's). */
export interface DeployChoices {
  /** Objects whose fields owned by other managers the deploy overwrites. */
  takeOwnership: readonly string[];
  /** Deployments and StatefulSets whose live replicas the deploy keeps. */
  keepLiveReplicas: readonly string[];
}
