'use client';

import { plainError } from '@/lib/feedback/plain-error';
import type { AccessAnswer, AccessCheck } from '@/lib/queries/access/access-query';
import { useCronJobActionMutation } from '@/lib/queries/workloads/cronjob-action-mutation';
import type { CronJobRow } from '@/lib/batch/cronjob-row';
import { Button } from '../ui/button';

type Ref = Pick<CronJobRow, 'namespace' | 'name'>;

/** The right suspend and resume need: patch the CronJob. */
export function suspendCheck(c: Ref): AccessCheck {
  return { verb: 'patch', group: 'batch', resource: 'cronjobs', namespace: c.namespace, name: c.name };
}

/** The rights "run now" needs: create Jobs in the namespace (the CronJob is read with `get`). */
export function runChecks(c: Ref): AccessCheck[] {
  return [
    { verb: 'create', group: 'batch', resource: 'jobs', namespace: c.namespace },
    { verb: 'get', group: 'batch', resource: 'cronjobs', namespace: c.namespace, name: c.name },
  ];
}

/** Why a button is disabled: Kubernetes' answer, or null while it is allowed (or still being asked). */
function denied(what: string, answers: (AccessAnswer | undefined)[]): string | null {
  const no = answers.find((a) => a && !a.allowed);
  if (!no) return null;
  return `Kubernetes does not allow you to ${what}${no.reason ? `: ${no.reason}` : ''}`;
}

/**
 * Suspend or resume a CronJob and run it now, with the user's credentials. Each button is disabled
 * with Kubernetes' reason when the user lacks the right; the new state and Job arrive live, and
 * the action's toast links to the Job it started.
 */
export function CronJobActions({
  c,
  suspendAccess,
  runAccess,
}: {
  c: CronJobRow;
  suspendAccess: AccessAnswer | undefined;
  runAccess: (AccessAnswer | undefined)[];
}) {
  const m = useCronJobActionMutation(c.namespace, c.name);
  const noSuspend = denied(`change CronJob ${c.name}`, [suspendAccess]);
  const noRun = denied(`create Jobs in ${c.namespace}`, runAccess);
  const asking = !suspendAccess || runAccess.some((a) => !a);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          data-testid="cronjob-run"
          variant="primary"
          disabled={asking || m.isPending || noRun !== null}
          onClick={() => m.mutate('run')}
          title={noRun ?? 'Create a Job from the job template now (kubectl create job --from=cronjob/…)'}
        >
          Run now
        </Button>
        {c.suspended ? (
          <Button
            data-testid="cronjob-resume"
            disabled={asking || m.isPending || noSuspend !== null}
            onClick={() => m.mutate('resume')}
            title={noSuspend ?? 'Start Jobs on the schedule again'}
          >
            Resume
          </Button>
        ) : (
          <Button
            data-testid="cronjob-suspend"
            disabled={asking || m.isPending || noSuspend !== null}
            onClick={() => m.mutate('suspend')}
            title={noSuspend ?? 'Start no new Jobs until resumed (running ones go on)'}
          >
            Suspend
          </Button>
        )}
        {m.error && (
          <span role="alert" data-testid="cronjob-action-error" className="text-xs text-red-700">
            {plainError(m.error)}
          </span>
        )}
      </div>
      {(noRun || noSuspend) && (
        <p data-testid="cronjob-actions-denied" className="text-sm text-zinc-500">
          {[noRun, noSuspend].filter(Boolean).join('. ')}.
        </p>
      )}
    </div>
  );
}
