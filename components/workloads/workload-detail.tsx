'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { workloadRelated } from '@/lib/object-events';
import { useNow } from '../hooks/use-now';
import { ObjectEventsCard } from '../events/object-events-card';
import { useObjectEvents } from '../events/use-object-events';
import { useAccess } from '@/lib/queries/access/access-query';
import { useWorkloadQuery } from '@/lib/queries/workloads/workload-query';
import { formatMatchLabels } from '@/lib/label-selector';
import { logsHref } from '@/lib/logs/presets';
import type { WorkloadKind } from '@/lib/kube-resources';
import type { WorkloadRow } from '@/lib/views';
import { QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { TableSkeleton } from '../ui/skeleton';
import { Stat } from '../ui/stat';
import { EmptyState } from '../ui/state';
import { ObjectYamlButton } from '../objects/object-yaml';
import { RolloutActions, rolloutCheck } from './rollout-actions';
import { RolloutBadge } from './rollout-badge';
import { RolloutHistory } from './rollout-history';
import { ScaleControl, scaleCheck } from './scale-control';

/** Where a DaemonSet's size comes from, with the way to change it. */
function DaemonSetSize({ w }: { w: WorkloadRow }) {
  const selector = formatMatchLabels(w.nodeSelector);
  return (
    <p data-testid="daemonset-size-hint" className="text-sm text-zinc-600">
      A DaemonSet runs one pod on every node it selects
      {selector ? (
        <>
          {' '}
          (<code className="font-mono text-[12.5px]">{selector}</code>)
        </>
      ) : (
        ''
      )}
      , so its size follows node labels:{' '}
      <Link href="/nodes/labels" className="font-medium text-indigo-700 hover:underline">
        label nodes
      </Link>{' '}
      to add or remove pods.
    </p>
  );
}

/** One workload: live rollout status and replica counts, scale, restart/pause/resume, history and undo. */
export function WorkloadDetail({ kind, namespace, name }: { kind: WorkloadKind; namespace: string; name: string }) {
  const q = useWorkloadQuery(`${kind}/${namespace}/${name}`);
  const w = q.data;
  const ref = { kind, namespace, name };
  const checks = [rolloutCheck(ref), ...(kind === 'DaemonSet' ? [] : [scaleCheck(ref)])];
  const access = useAccess(checks);
  const related = useMemo(() => workloadRelated(kind, namespace, name), [kind, namespace, name]);
  const events = useObjectEvents({ kind, namespace, name }, related);
  const now = useNow();
  const back = (
    <Link
      href={`/workloads?namespace=${encodeURIComponent(namespace)}`}
      className="text-sm text-indigo-700 hover:underline"
    >
      ← Workloads
    </Link>
  );
  const title = (
    <span className="flex items-center gap-2">
      <Badge tone="info" dot={false}>
        {kind}
      </Badge>
      <span className="font-mono">
        {namespace}/{name}
      </span>
    </span>
  );
  if (!w) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        {w === null ? (
          <EmptyState testId="workload-not-found" title={`${kind} ${namespace}/${name} is not in the cluster`}>
            It may have been deleted, or you may not be allowed to see it.
          </EmptyState>
        ) : (
          <QueryPending query={q} what="workloads" skeleton={<TableSkeleton rows={4} testId="workload-loading" />} />
        )}
      </>
    );
  }
  return (
    <div data-testid="workload-detail" className="flex flex-col gap-4">
      <PageHeader
        title={title}
        subtitle={w.rollout.message}
        actions={
          <span className="flex items-center gap-4">
            {Object.keys(w.selector).length > 0 && (
              <Link
                href={logsHref({ namespace: w.namespace, selector: formatMatchLabels(w.selector) })}
                data-testid="workload-logs"
                className="text-sm text-indigo-700 hover:underline"
              >
                Logs
              </Link>
            )}
            <ObjectYamlButton object={{ kind, namespace, name }} />
            {back}
          </span>
        }
      />
      <Card>
        <CardHeader title="Status" aside={<RolloutBadge rollout={w.rollout} testId="workload-rollout" />} />
        <CardBody className="flex flex-col gap-4">
          <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Stat label="Desired" value={w.desired} testId="workload-desired" />
            <Stat
              label="Ready"
              value={w.ready}
              testId="workload-ready"
              tone={w.ready < w.desired ? 'warn' : undefined}
            />
            <Stat label="Up-to-date" value={w.updated} testId="workload-updated" />
            <Stat label="Available" value={w.available} testId="workload-available" />
          </div>
          <div data-testid="workload-images" className="flex flex-col gap-0.5">
            {w.images.map((img, i) => (
              <span key={`${i}-${img}`} className="font-mono text-[12.5px] text-zinc-700">
                {img}
              </span>
            ))}
          </div>
          {kind === 'DaemonSet' ? (
            <DaemonSetSize w={w} />
          ) : (
            <div className="flex items-center gap-3 text-sm text-zinc-600">
              <span>Replicas</span>
              <ScaleControl w={w} access={access.get(scaleCheck(w))} />
            </div>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Rollout"
          aside={
            w.paused ? (
              <Badge tone="warn" data-testid="workload-paused">
                paused
              </Badge>
            ) : undefined
          }
        />
        <CardBody>
          <RolloutActions w={w} access={access.get(rolloutCheck(w))} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="History" aside="kubectl rollout history" />
        <CardBody>
          <RolloutHistory w={w} access={access.get(rolloutCheck(w))} />
        </CardBody>
      </Card>
      <ObjectEventsCard events={events} now={now} testId="workload-events" />
    </div>
  );
}
