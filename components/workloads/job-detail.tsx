'use client';

import Link from 'next/link';
import { useCallback, useMemo, type ReactNode } from 'react';
import { cronJobHref } from '@/lib/batch/batch-list';
import { completionsText, jobDurationMs, type JobRow } from '@/lib/batch/job-row';
import { sumGpus } from '@/lib/gpu';
import { formatAge, formatRelative, humanDuration } from '@/lib/format';
import { podHref } from '@/lib/gpu-page/pod-links';
import { logsHref } from '@/lib/logs/presets';
import { useJobsQuery, type JobsData } from '@/lib/queries/workloads/jobs-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { useNow } from '../hooks/use-now';
import { PageHeader } from '../layout/page-header';
import { ObjectEventsCard } from '../events/object-events-card';
import { ObjectYamlButton } from '../objects/object-yaml';
import { PodStatusBadge } from '../pods/pod-status-badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Stat } from '../ui/stat';
import { BatchCrumbs, BatchMissing, BatchTitle } from './batch-heading';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { JobBadge } from './job-badge';
import { useObjectEvents } from '../events/use-object-events';

const collator = new Intl.Collator('en', { numeric: true });

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-sm break-words text-zinc-900">{children}</dd>
    </div>
  );
}

/** The pods of a Job (owned by it), from the cached pods view, linked to their pages. */
function JobPods({ job, now }: { job: JobRow; now: number }) {
  const pods = usePodsQuery().data?.items;
  const mine = useMemo(
    () =>
      pods
        ?.filter((p) => p.namespace === job.namespace && p.owner?.kind === 'Job' && p.owner.name === job.name)
        .sort((a, b) => collator.compare(a.name, b.name)),
    [pods, job.namespace, job.name],
  );
  return (
    <Card data-testid="job-pods">
      <CardHeader title="Pods" aside={mine ? `${mine.length}` : 'loading…'} />
      {mine && mine.length === 0 && (
        <p className="px-4 py-3 text-sm text-zinc-500">
          No pods of this Job are left (finished pods may be cleaned up).
        </p>
      )}
      {mine && mine.length > 0 && (
        <Table>
          <THead>
            <tr>
              <TH>Name</TH>
              <TH>Status</TH>
              <TH>Node</TH>
              <TH className="text-right">Restarts</TH>
              <TH className="text-right">Age</TH>
            </tr>
          </THead>
          <TBody>
            {mine.map((p) => (
              <TR key={p.key} data-testid={`job-pod-${p.name}`}>
                <TD className="font-mono text-[12.5px]">
                  <Link href={podHref(p)} className="text-indigo-700 hover:underline">
                    {p.name}
                  </Link>
                </TD>
                <TD>
                  <PodStatusBadge pod={p} testId={`job-pod-status-${p.name}`} />
                </TD>
                <TD className="font-mono text-[12.5px] text-zinc-600">
                  {p.nodeName ? (
                    <Link href={`/nodes/${encodeURIComponent(p.nodeName)}`} className="hover:underline">
                      {p.nodeName}
                    </Link>
                  ) : (
                    '—'
                  )}
                </TD>
                <TD className="text-right tabular-nums">{p.restarts}</TD>
                <TD className="text-right text-zinc-600 tabular-nums">{formatAge(p.createdAt, now)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}

/** One Job, live: phase, completions, active/succeeded/failed, duration, GPUs, its pods and events. */
export function JobDetail({ namespace, name }: { namespace: string; name: string }) {
  const key = `${namespace}/${name}`;
  const select = useCallback((d: JobsData) => d.items.find((j) => j.key === key) ?? null, [key]);
  const q = useJobsQuery({ select });
  const now = useNow(1000);
  const events = useObjectEvents({ kind: 'Job', namespace, name });
  const j = q.data;
  const crumbs = <BatchCrumbs namespace={namespace} name={name} />;
  const title = <BatchTitle kind="Job" namespace={namespace} name={name} />;
  if (!j) return <BatchMissing kind="Job" namespace={namespace} name={name} query={q} exists={j} />;
  const ms = jobDurationMs(j, now);
  const gpus = sumGpus(j.gpuPerPod);
  return (
    <div data-testid="job-detail" className="flex flex-col gap-4">
      {crumbs}
      <PageHeader
        title={title}
        subtitle={j.message ?? undefined}
        actions={
          <span className="flex items-center gap-4">
            <Link
              href={logsHref({ namespace, selector: `job-name=${name}` })}
              data-testid="job-logs"
              className="text-sm text-indigo-700 hover:underline"
            >
              Logs
            </Link>
            <ObjectYamlButton object={{ kind: 'Job', namespace, name }} />
          </span>
        }
      />
      <Card>
        <CardHeader title="Status" aside={<JobBadge job={j} testId="job-phase" />} />
        <CardBody className="flex flex-col gap-4">
          <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <Stat label="Completions" value={completionsText(j)} testId="job-completions" />
            <Stat label="Active" value={j.active} testId="job-active" />
            <Stat label="Succeeded" value={j.succeeded} testId="job-succeeded" />
            <Stat label="Failed" value={j.failed} testId="job-failed" tone={j.failed > 0 ? 'bad' : undefined} />
            <Stat label="Duration" value={ms === null ? '—' : humanDuration(ms)} testId="job-duration" />
          </div>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Fact label="Parallelism">{j.parallelism}</Fact>
            <Fact label="GPUs per pod">
              <span data-testid="job-gpus">{gpus > 0 ? gpus : 'none'}</span>
              {gpus > 0 && (
                <span className="ml-1 text-xs text-zinc-500">
                  (
                  {Object.entries(j.gpuPerPod)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')}
                  )
                </span>
              )}
            </Fact>
            <Fact label="Started">{j.startTime ? formatRelative(j.startTime, now) : 'not yet'}</Fact>
            <Fact label="Controlled by">
              {j.cronJob ? (
                <Link
                  href={cronJobHref({ namespace, name: j.cronJob })}
                  data-testid="job-cronjob"
                  className="font-mono text-indigo-700 hover:underline"
                >
                  CronJob {j.cronJob}
                </Link>
              ) : (
                'None'
              )}
              {j.manual && <span className="ml-1 text-xs text-zinc-500">(run by hand)</span>}
            </Fact>
          </dl>
          <div data-testid="job-images" className="flex flex-col gap-0.5">
            {j.images.map((img, i) => (
              <span key={`${i}-${img}`} className="font-mono text-[12.5px] text-zinc-700">
                {img}
              </span>
            ))}
          </div>
        </CardBody>
      </Card>
      <JobPods job={j} now={now} />
      <ObjectEventsCard events={events} now={now} testId="job-events" />
    </div>
  );
}
