'use client';

import Link from 'next/link';
import { useCallback, type ReactNode } from 'react';
import { podGpuCell } from '@/lib/gpu/pod-units';
import { WORKLOAD_RESOURCES } from '@/lib/kube-resources';
import { cronJobHref, jobHref } from '@/lib/batch/batch-list';
import { isAbout } from '@/lib/object-events';
import type { OwnerLink } from '@/lib/pod-detail';
import { ApiError } from '@/lib/queries/api-error';
import { useEventsQuery, type EventsData } from '@/lib/queries/events/events-query';
import { usePodDetailQuery } from '@/lib/queries/pods/pod-detail-query';
import { usePodsQuery, type PodsData } from '@/lib/queries/pods/pods-query';
import { useNow } from '../../hooks/use-now';
import { ObjectEventsCard } from '../../events/object-events-card';
import { ObjectYamlButton } from '../../objects/object-yaml';
import { DetailNotFound } from '../../feedback/detail-not-found';
import { QueryPending } from '../../feedback/query-states';
import { Breadcrumbs } from '../../layout/breadcrumbs';
import { PageHeader } from '../../layout/page-header';
import { NodeConditions } from '../../nodes/node-conditions';
import { Card, CardBody, CardHeader } from '../../ui/card';
import { Skeleton } from '../../ui/skeleton';
import { Table, TBody, TD, TH, THead, TR } from '../../ui/table';
import { PodStatusBadge } from '../pod-status-badge';
import { PodContainers } from './pod-containers';
import { PodLogs } from './pod-logs';
import { Age } from '../../time/time-text';
import { MiddleTruncate } from '../../ui/middle-truncate';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd data-testid={testId} className="text-sm break-words text-zinc-900">
        {children}
      </dd>
    </div>
  );
}

/** The page of an owner the panel shows: a workload's, a Job's or a CronJob's. */
function ownerHref(o: OwnerLink, namespace: string): string | null {
  if (o.kind === 'Job') return jobHref({ namespace, name: o.name });
  if (o.kind === 'CronJob') return cronJobHref({ namespace, name: o.name });
  if (!o.workload) return null;
  return `/workloads/${WORKLOAD_RESOURCES[o.workload]}/${encodeURIComponent(namespace)}/${encodeURIComponent(o.name)}`;
}

/** The owner chain, nearest last: `Deployment web › ReplicaSet web-5d8f`, workloads, Jobs and CronJobs linked. */
function Owners({ owners, namespace }: { owners: OwnerLink[]; namespace: string }) {
  if (owners.length === 0) return <>None (a bare pod)</>;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {[...owners].reverse().map((o, i) => {
        const href = ownerHref(o, namespace);
        return (
          <span key={`${o.kind}/${o.name}`} className="flex max-w-full min-w-0 items-center gap-1">
            {i > 0 && <span className="text-zinc-400">›</span>}
            <span className="shrink-0 text-zinc-500">{o.kind}</span>
            {href ? (
              <Link
                href={href}
                data-testid={`pod-owner-${o.kind}`}
                className="min-w-0 font-mono text-indigo-700 hover:underline"
              >
                <MiddleTruncate text={o.name} tail={6} />
              </Link>
            ) : (
              <span data-testid={`pod-owner-${o.kind}`} className="min-w-0 font-mono">
                <MiddleTruncate text={o.name} tail={6} />
              </span>
            )}
          </span>
        );
      })}
    </span>
  );
}

function DetailSkeleton() {
  return (
    <div className="flex flex-col gap-4">
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}

/**
 * One pod: status and the scheduler's full message when it waits, facts (node, owners, GPU units
 * and claims), conditions, containers, volumes, events and logs. The detail comes from
 * GET /api/pods/<ns>/<name> (the watch cache) and is read again whenever the pod's live row or its
 * events change in the views the stream keeps current.
 */
export function PodDetailView({ namespace, name }: { namespace: string; name: string }) {
  const key = `${namespace}/${name}`;
  const now = useNow();
  const selectRow = useCallback((d: PodsData) => d.items.find((p) => p.key === key) ?? null, [key]);
  const liveRow = usePodsQuery({ select: selectRow }).data;
  const selectEvents = useCallback(
    (d: EventsData) =>
      d.items
        .filter((e) => isAbout(e, { kind: 'Pod', name, namespace }))
        .map((e) => `${e.key}:${e.count}:${e.lastSeen}`)
        .sort()
        .join(','),
    [name, namespace],
  );
  const eventsFp = useEventsQuery({ select: selectEvents }).data;
  const fingerprint = `${JSON.stringify(liveRow ?? null)}|${eventsFp ?? ''}`;
  const q = usePodDetailQuery(namespace, name, fingerprint);
  const crumbs = [
    { label: 'Pods', href: '/pods' },
    { label: namespace, href: `/pods?${new URLSearchParams({ namespace })}` },
    { label: name },
  ];
  const header = (title: ReactNode, subtitle?: ReactNode, actions?: ReactNode) => (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
    </>
  );
  const notFound = q.error instanceof ApiError && q.error.status === 404;
  if (notFound && !q.data)
    return (
      <>
        {header(<span className="font-mono">{name}</span>)}
        <DetailNotFound testId="pod-not-found" what={`Pod ${key}`} listHref="/pods" listLabel="All pods" />
      </>
    );
  if (!q.data)
    return (
      <>
        {header(<span className="font-mono">{name}</span>)}
        <QueryPending query={q} what={`pod ${key}`} skeleton={<DetailSkeleton />} />
      </>
    );
  const { row, pod, owners, events } = q.data;
  const gpu = podGpuCell(row);
  return (
    <div data-testid="pod-detail" className="flex flex-col gap-4">
      <div>
        {header(
          <span className="flex items-center gap-3">
            <span className="font-mono">{pod.name}</span>
            <PodStatusBadge pod={row} testId="pod-detail-status" />
          </span>,
          <>
            Phase <span data-testid="pod-detail-phase">{pod.phase}</span>
            {pod.deletionTimestamp ? ' · terminating' : ''} · created <Age at={row.createdAt} now={now} suffix=" ago" />
          </>,
          <span className="flex items-center gap-4">
            <Link
              href={`/logs?${new URLSearchParams({ namespace, pod: name })}`}
              className="text-sm text-indigo-700 hover:underline"
            >
              Logs page
            </Link>
            <ObjectYamlButton object={{ kind: 'Pod', namespace, name }} />
          </span>,
        )}
      </div>
      {row.schedulingMessage && (
        <div
          role="status"
          data-testid="pod-scheduling-message"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <p className="font-medium">The scheduler cannot place this pod</p>
          <p className="mt-1 font-mono text-[12.5px] break-words whitespace-pre-wrap">{row.schedulingMessage}</p>
        </div>
      )}
      {(pod.reason || pod.message) && (
        <div
          data-testid="pod-status-message"
          className="rounded-lg border border-zinc-300 bg-zinc-50 px-4 py-3 text-sm text-zinc-800"
        >
          <span className="font-medium">{pod.reason ?? 'Status'}</span>
          {pod.message ? `: ${pod.message}` : ''}
        </div>
      )}
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Fact label="Namespace">
              <span className="font-mono">{pod.namespace}</span>
            </Fact>
            <Fact label="Node" testId="pod-detail-node">
              {pod.nodeName ? (
                <Link
                  href={`/nodes/${encodeURIComponent(pod.nodeName)}`}
                  className="font-mono text-indigo-700 hover:underline"
                >
                  {pod.nodeName}
                </Link>
              ) : pod.nominatedNodeName ? (
                `Not scheduled (nominated ${pod.nominatedNodeName})`
              ) : (
                'Not scheduled'
              )}
            </Fact>
            <Fact label="Controlled by" testId="pod-detail-owners">
              <Owners owners={owners} namespace={pod.namespace} />
            </Fact>
            <Fact label="Ready">
              {row.readyContainers}/{row.totalContainers} · {row.restarts} restart{row.restarts === 1 ? '' : 's'}
            </Fact>
            <Fact label="GPU" testId="pod-detail-gpu">
              <span title={gpu.title}>{gpu.text || '—'}</span>
            </Fact>
            <Fact label="Pod IP / host IP">
              <span className="font-mono">
                {pod.podIP ?? '—'} / {pod.hostIP ?? '—'}
              </span>
            </Fact>
            <Fact label="QoS / priority class">
              {pod.qosClass ?? '—'} / {pod.priorityClassName ?? '—'}
            </Fact>
            <Fact label="Service account">
              <span className="font-mono">{pod.serviceAccount ?? '—'}</span>
            </Fact>
          </dl>
        </CardBody>
      </Card>
      <NodeConditions conditions={pod.conditions} now={now} what="pod" testId="pod-conditions" />
      <PodContainers containers={pod.containers} now={now} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card data-testid="pod-volumes">
          <CardHeader title="Volumes" aside={`${pod.volumes.length}`} />
          {pod.volumes.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-500">No volumes.</p>
          ) : (
            <Table>
              <THead>
                <tr>
                  <TH>Name</TH>
                  <TH>Type</TH>
                  <TH>Source</TH>
                </tr>
              </THead>
              <TBody>
                {pod.volumes.map((v) => (
                  <TR key={v.name}>
                    <TD className="font-mono text-[12.5px]">{v.name}</TD>
                    <TD className="text-zinc-600">{v.type}</TD>
                    <TD className="font-mono text-[12.5px] text-zinc-600">{v.source ?? '—'}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card data-testid="pod-claims">
          <CardHeader title="DRA resource claims" aside={`${row.resourceClaims.length}`} />
          {row.resourceClaims.length === 0 ? (
            <p className="px-4 py-3 text-sm text-zinc-500">The pod uses no ResourceClaims.</p>
          ) : (
            <Table>
              <THead>
                <tr>
                  <TH>Name</TH>
                  <TH>From</TH>
                  <TH>Claim</TH>
                </tr>
              </THead>
              <TBody>
                {row.resourceClaims.map((c) => (
                  <TR key={c.name}>
                    <TD className="font-mono text-[12.5px]">{c.name}</TD>
                    <TD className="text-zinc-600">
                      {c.resourceClaimTemplateName ? `template ${c.resourceClaimTemplateName}` : 'claim'}
                    </TD>
                    <TD className="font-mono text-[12.5px] text-zinc-600">
                      {c.resourceClaimName ??
                        row.resourceClaimStatuses.find((s) => s.name === c.name)?.resourceClaimName ??
                        'not created yet'}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
      <ObjectEventsCard events={events} now={now} testId="pod-events" />
      {pod.nodeName ? (
        <PodLogs namespace={pod.namespace} pod={pod.name} containers={pod.containers} />
      ) : (
        <Card data-testid="pod-logs">
          <CardHeader title="Logs" />
          <p className="px-4 py-3 text-sm text-zinc-500">No logs: the pod is not on a node yet.</p>
        </Card>
      )}
    </div>
  );
}
