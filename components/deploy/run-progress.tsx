import { reachedOf } from '@/lib/deploy/run-lease';
import type { DeployRun, RunObject, RunStage } from '@/lib/deploy/run-types';
import type { Tone } from '@/lib/status-tone';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { AbsoluteTime } from '../time/time-text';

const OBJECT_TONE: Record<RunObject['state'], Tone> = {
  pending: 'neutral',
  applying: 'info',
  waiting: 'warn',
  ready: 'ok',
  failed: 'bad',
  deleting: 'info',
  deleted: 'neutral',
  kept: 'info',
};
const STAGE_TONE: Record<RunStage['state'], Tone> = { pending: 'neutral', running: 'info', done: 'ok', failed: 'bad' };
const RUN_TONE: Record<DeployRun['state'], Tone> = {
  running: 'info',
  succeeded: 'ok',
  failed: 'bad',
  interrupted: 'warn',
};

/** What the page offers for an interrupted run. */
export interface ResumeControl {
  onResume: () => void;
  resuming: boolean;
  error: string | null;
  /** Why the user may not resume (no rights), or null. */
  denied: string | null;
}

/**
 * A deploy or undeploy as it happens: each stage and object with its state and the server's words,
 * which replica runs it, and — when that replica died — where it stopped and a Resume button.
 */
export function RunProgress({ run, resume }: { run: DeployRun; resume?: ResumeControl }) {
  return (
    <div className="flex flex-col gap-3" data-testid="deploy-run" data-state={run.state} data-kind={run.kind}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={RUN_TONE[run.state]} data-testid="run-state">
          {run.kind} {run.state}
        </Badge>
        <span className="text-zinc-600">
          by <span className="font-mono text-xs">{run.user}</span>, started <AbsoluteTime at={run.startedAt} />
          {run.finishedAt && `, took ${((Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000).toFixed(1)} s`}
          , on replica{' '}
          <span className="font-mono text-xs" data-testid="run-replica">
            {run.replica}
          </span>
        </span>
      </div>
      {run.resumes.map((r) => (
        <p key={r.at} className="text-xs text-zinc-600" data-testid="run-resumed">
          Resumed by <span className="font-mono">{r.user}</span> on replica{' '}
          <span className="font-mono">{r.replica}</span> at <AbsoluteTime at={r.at} />
        </p>
      ))}
      {run.state === 'interrupted' && (
        <div
          role="alert"
          data-testid="run-interrupted"
          className="flex flex-wrap items-center gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <p className="min-w-0 flex-1">
            Interrupted: replica <span className="font-mono text-xs">{run.replica}</span> stopped renewing its lease at{' '}
            <AbsoluteTime at={run.heartbeatAt} /> (it died or lost the API server). It reached {reachedOf(run).text}.
            Resuming runs the plan again from that stage with your credentials; objects already applied are unchanged.
            {resume?.denied && <span className="block text-xs">{resume.denied}</span>}
            {resume?.error && (
              <span className="block text-xs text-red-800" data-testid="resume-error">
                {resume.error}
              </span>
            )}
          </p>
          {resume && (
            <Button
              variant="primary"
              size="sm"
              data-testid="run-resume"
              onClick={resume.onResume}
              disabled={resume.resuming || Boolean(resume.denied)}
            >
              {resume.resuming ? 'Resuming…' : `Resume ${run.kind}`}
            </Button>
          )}
        </div>
      )}
      {run.error && (
        <p
          role="alert"
          data-testid="run-error"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {run.error}
        </p>
      )}
      {run.stages.map((s) => (
        <section key={s.id} data-testid={`run-stage-${s.id}`} data-state={s.state}>
          <h3 className="mb-1 flex items-center gap-2 text-xs font-semibold uppercase tracking-wide text-zinc-500">
            {s.id.split('-')[0]}. {s.title}
            <Badge tone={STAGE_TONE[s.state]} dot={false} className="normal-case">
              {s.state}
            </Badge>
          </h3>
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200 bg-white">
            {s.objects.map((o) => (
              <li
                key={o.key}
                data-testid={`run-object-${o.key.replace(/[^a-zA-Z0-9-]/g, '-')}`}
                data-state={o.state}
                className="flex flex-wrap items-center gap-2 px-3 py-1.5"
              >
                <Badge tone={OBJECT_TONE[o.state]} className="w-24 justify-center">
                  {o.state}
                </Badge>
                <span className="font-mono text-[12.5px] text-zinc-800">{o.key}</span>
                {o.change && <span className="text-xs text-zinc-500">{o.change}</span>}
                {o.message && (
                  <span className={o.state === 'failed' ? 'text-xs text-red-700' : 'text-xs text-zinc-600'}>
                    {o.message}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
