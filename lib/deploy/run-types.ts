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

/** A run taken over after its replica died: who resumed it, where and when. */
export interface RunResume {
  at: string;
  user: string;
  replica: string;
}

/**
 * A run as recorded in the cluster (ConfigMap imagepod-deploy-run): every replica shows the same
 * one. `interrupted` is never written: a reader sees it when a `running` record's heartbeat is
 * older than its lease (the replica running it died or lost the API server for that long).
 */
export interface DeployRun {
  id: string;
  kind: 'deploy' | 'undeploy';
  user: string;
  startedAt: string;
  finishedAt: string | null;
  state: 'running' | 'succeeded' | 'failed' | 'interrupted';
  error: string | null;
  stages: RunStage[];
  /** The panel replica running it (pod name, or host name in development, and a per-process id). */
  replica: string;
  /** Renewed by that replica while it runs; the lock is held while it is younger than the lease. */
  heartbeatAt: string;
  leaseSeconds: number;
  resumes: RunResume[];
}
