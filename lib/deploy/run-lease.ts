/**
 * The deploy lock as seen in a run record: a `running` run holds it while its heartbeat is younger
 * than its lease. Pure: the server decides with it who may start, the pages what to show.
 */
import type { DeployRun, RunObject, RunStage } from './run-types';

/** Whether a `running` record's replica stopped renewing it (died, or lost the API server) for a whole lease. */
export function isStale(run: Pick<DeployRun, 'state' | 'heartbeatAt' | 'leaseSeconds'>, now = Date.now()): boolean {
  return run.state === 'running' && now - Date.parse(run.heartbeatAt) > run.leaseSeconds * 1000;
}

/** Whether the run holds the cluster-wide deploy lock now. */
export function holdsLock(run: DeployRun | null, now = Date.now()): run is DeployRun {
  return run !== null && run.state === 'running' && !isStale(run, now);
}

/** The run as a reader shows it: a stale `running` record is `interrupted`. */
export function asSeen(run: DeployRun | null, now = Date.now()): DeployRun | null {
  if (!run || !isStale(run, now)) return run;
  return { ...run, state: 'interrupted' };
}

/** Where an interrupted run stopped: the stage it was in and the objects in flight, for the trail and the page. */
export function reachedOf(run: DeployRun): { stage: RunStage | null; objects: RunObject[]; text: string } {
  const stage = run.stages.find((s) => s.state === 'running' || s.state === 'failed') ?? null;
  const busy = new Set<RunObject['state']>(['applying', 'waiting', 'deleting']);
  const objects = stage ? stage.objects.filter((o) => busy.has(o.state)) : [];
  const done = run.stages.filter((s) => s.state === 'done').length;
  const text = stage
    ? `stage ${stage.title} (${done}/${run.stages.length} stages done)${objects.length ? `, at ${objects.map((o) => o.key).join(', ')}` : ''}`
    : `${done}/${run.stages.length} stages done`;
  return { stage, objects, text };
}

/** The index of the first stage a resume runs again: the first not done (its objects are re-applied). */
export function resumeFrom(run: DeployRun): number {
  const i = run.stages.findIndex((s) => s.state !== 'done');
  return i < 0 ? run.stages.length : i;
}

/**
 * The run taken over for a resume: stages from `resumeFrom` on are pending again (server-side
 * apply and delete are idempotent, so running a half-done stage again is safe), the record names
 * the new replica and the resume.
 */
export function resumed(run: DeployRun, by: { user: string; replica: string }, now = Date.now()): DeployRun {
  const from = resumeFrom(run);
  const at = new Date(now).toISOString();
  return {
    ...run,
    state: 'running',
    error: null,
    finishedAt: null,
    replica: by.replica,
    heartbeatAt: at,
    resumes: [...run.resumes, { at, user: by.user, replica: by.replica }],
    stages: run.stages.map((s, i) =>
      i < from
        ? s
        : {
            ...s,
            state: 'pending',
            startedAt: null,
            finishedAt: null,
            objects: s.objects.map((o) => ({ ...o, state: 'pending', message: null })),
          },
    ),
  };
}
