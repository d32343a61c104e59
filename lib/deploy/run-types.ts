/**
 * The state of a deploy or undeploy as the browser sees it (JSON over SSE). Pure: the server
 * builds it, the Deploy page renders it.
 */
export type RunObjectState = 'pending' | 'applying' | 'waiting' | 'ready' | 'failed' | 'deleting' | 'deleted' | 'kept';

export interface RunObject {
  key: string;
  kind: string;
  name: string;
  namespace: string | null;
  state: RunObjectState;
  /** created / changed / unchanged once applied. */
  change: 'created' | 'changed' | 'unchanged' | null;
  message: string | null;
}

export interface RunStage {
  id: string;
  title: string;
  state: 'pending' | 'running' | 'done' | 'failed';
  objects: RunObject[];
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DeployRun {
  id: string;
  kind: 'deploy' | 'undeploy';
  user: string;
  startedAt: string;
  finishedAt: string | null;
  state: 'running' | 'succeeded' | 'failed';
  error: string | null;
  stages: RunStage[];
}
