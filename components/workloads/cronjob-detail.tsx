'use client';

import { useCallback, useMemo } from 'react';
import { jobsOf } from '@/lib/batch/batch-list';
import { nextRun } from '@/lib/batch/next-run';
import { formatRelative } from '@/lib/format';
import { sumGpus } from '@/lib/gpu';
import { useAccess } from '@/lib/queries/access/access-query';
import { ApiError } from '@/lib/queries/api-error';
import { useCronJobsQuery, type CronJobsData } from '@/lib/queries/workloads/cronjobs-query';
import { useJobsQuery } from '@/lib/queries/workloads/jobs-query';
import { useNow } from '../hooks/use-now';
import { loadError } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { AbsoluteTime } from '../time/time-text';
import { ObjectEventsCard } from '../events/object-events-card';
import { ObjectYamlButton } from '../objects/object-yaml';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { TableSkeleton } from '../ui/skeleton';
import { Stat } from '../ui/stat';
import { BatchCrumbs, BatchMissing, BatchTitle } from './batch-heading';
import { CronJobActions, runChecks, suspendCheck } from './cronjob-actions';
import { JobsTable } from './jobs-table';
import { useObjectEvents } from '../events/use-object-events';

/** One CronJob, live: schedule, last and next run, suspend/resume and run now, its Jobs and events. */
export function CronJobDetail({ namespace, name }: { namespace: string; name: string }) {
  const key = `${namespace}/${name}`;
  const select = useCallback((d: CronJobsData) => d.items.find((c) => c.key === key) ?? null, [key]);
  const q = useCronJobsQuery({ select });
  const jobsQ = useJobsQuery();
  const now = useNow(1000);
  const events = useObjectEvents({ kind: 'CronJob', namespace, name });
  const ref = { namespace, name };
  const access = useAccess([suspendCheck(ref), ...runChecks(ref)]);
  const jobs = useMemo(
    () => (jobsQ.data ? jobsOf(jobsQ.data.items, { namespace, name }) : undefined),
    [jobsQ.data, namespace, name],
  );
  const jobsError = loadError(jobsQ);
  const jobsDenied = jobsError instanceof ApiError && jobsError.status === 403;
  const c = q.data;
  const crumbs = <BatchCrumbs namespace={namespace} name={name} />;
  const title = <BatchTitle kind="CronJob" namespace={namespace} name={name} />;
  if (!c) return <BatchMissing kind="CronJob" namespace={namespace} name={name} query={q} exists={c} />;
  const next = c.suspended ? null : nextRun(c.schedule, c.timeZone, now);
  const gpus = sumGpus(c.gpuPerPod);
  return (
    <div data-testid="cronjob-detail" className="flex flex-col gap-4">
      {crumbs}
      <PageHeader
        title={title}
        subtitle={
          <span className="font-mono" data-testid="cronjob-schedule">
            {c.schedule} ({c.timeZone ?? 'UTC'})
          </span>
        }
        actions={<ObjectYamlButton object={{ kind: 'CronJob', namespace, name }} />}
      />
      <Card>
        <CardHeader
          title="Schedule"
          aside={
            c.suspended ? (
              <Badge tone="warn" data-testid="cronjob-state" data-suspended="true">
                Suspended
              </Badge>
            ) : (
              <Badge tone="ok" data-testid="cronjob-state" data-suspended="false">
                Scheduled
              </Badge>
            )
          }
        />
        <CardBody className="flex flex-col gap-4">
          <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <Stat
              label="Last run"
              value={formatRelative(c.lastScheduleTime, now)}
              hint={c.lastScheduleTime ? <AbsoluteTime at={c.lastScheduleTime} /> : undefined}
              testId="cronjob-last"
            />
            <Stat
              label="Last success"
              value={formatRelative(c.lastSuccessfulTime, now)}
              hint={c.lastSuccessfulTime ? <AbsoluteTime at={c.lastSuccessfulTime} /> : undefined}
              testId="cronjob-last-success"
            />
            <Stat
              label="Next run"
              value={c.suspended ? 'suspended' : formatRelative(next, now)}
              hint={next ? <AbsoluteTime at={next} /> : undefined}
              testId="cronjob-next"
            />
            <Stat label="Active" value={c.active.length} testId="cronjob-active" />
            <Stat label="GPUs per pod" value={gpus > 0 ? gpus : '—'} testId="cronjob-gpus" />
          </div>
          <p className="text-sm text-zinc-600">
            Concurrency policy <span className="font-mono">{c.concurrencyPolicy}</span>; images{' '}
            <span className="font-mono text-[12.5px]">{c.images.join(', ')}</span>
          </p>
          <CronJobActions
            c={c}
            suspendAccess={access.get(suspendCheck(c))}
            runAccess={runChecks(c).map((x) => access.get(x))}
          />
        </CardBody>
      </Card>
      <Card data-testid="cronjob-jobs">
        <CardHeader title="Jobs" aside={jobs ? `${jobs.length}` : undefined} />
        {jobsDenied ? (
          <p className="px-4 py-3 text-sm text-zinc-500">Kubernetes does not allow you to list Jobs here.</p>
        ) : jobs ? (
          <JobsTable
            rows={jobs}
            now={now}
            showCronJob={false}
            testId="cronjob-jobs-table"
            emptyText="This CronJob has no Jobs (the controller keeps a few finished ones)."
          />
        ) : (
          <TableSkeleton rows={2} />
        )}
      </Card>
      <ObjectEventsCard events={events} now={now} testId="cronjob-events" />
    </div>
  );
}
