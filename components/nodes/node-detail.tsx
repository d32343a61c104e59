'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useMemo, type ReactNode } from 'react';
import { nodeAllocation } from '@/lib/gpu/allocation';
import { useGpuCluster } from '@/lib/queries/gpus/gpu-cluster-query';
import { formatCpu, formatMemory } from '@/lib/quantity';
import { useAccess } from '@/lib/queries/access/access-query';
import { useNodeQuery } from '@/lib/queries/nodes/node-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { nodeTone } from '@/lib/status-tone';
import { LabelChips } from '../ui/label-chips';
import { useNow } from '../hooks/use-now';
import { loadError, QueryError, QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { Breadcrumbs } from '../layout/breadcrumbs';
import { DetailNotFound } from '../feedback/detail-not-found';
import { ObjectEventsCard } from '../events/object-events-card';
import { useObjectEvents } from '../events/use-object-events';
import { Badge } from '../ui/badge';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { ObjectYamlButton } from '../objects/object-yaml';
import { NodeConditions } from './node-conditions';
import { NodeCordon } from './node-cordon';
import { NodeDrain } from './node-drain';
import { NodeDrainProgress } from './node-drain-progress';
import { useDrainRun } from './use-drain-run';
import { NodeDetailSkeleton } from './node-detail-skeleton';
import { NodeGpuCard } from './node-gpu-card';
import { NodeGpuMap } from '../gpus/node-gpu-map';
import { NodePodsTable } from './node-pods-table';
import { NodeTaintsEditor } from './node-taints-editor';
import { Age } from '../time/time-text';

const collator = new Intl.Collator('en', { numeric: true });
// The charts (recharts, ~120 kB gzip) load after the node's facts, not before them.
const NodeGpuCharts = dynamic(() => import('./node-gpu-charts').then((m) => m.NodeGpuCharts), {
  ssr: false,
  loading: () => <Skeleton className="h-72 w-full" />,
});

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-sm break-words text-zinc-900">{children}</dd>
    </div>
  );
}

/** One node: facts, GPU allocation, labels, taints, conditions and the pods bound to it. */
export function NodeDetail({ name }: { name: string }) {
  const nodeQ = useNodeQuery(name);
  const podsQ = usePodsQuery();
  const now = useNow();
  const node = nodeQ.data;
  const pods = useMemo(
    () =>
      podsQ.data?.items
        .filter((p) => p.nodeName === name)
        .sort((a, b) => collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name)),
    [podsQ.data, name],
  );
  const patchCheck = { verb: 'patch', resource: 'nodes', name } as const;
  const evictCheck = { verb: 'create', resource: 'pods', subresource: 'eviction' } as const;
  const checks = useAccess([patchCheck, evictCheck]);
  const access = checks.get(patchCheck);
  const drain = useDrainRun(name);
  const podsOnNode = useMemo(() => (pods ? new Set(pods.map((p) => p.uid)) : null), [pods]);
  const { model } = useGpuCluster();
  const gpuModel = useMemo(() => model?.nodes.find((m) => m.node === name), [model, name]);
  const allocation = useMemo(() => (model ? (gpuModel ? nodeAllocation(gpuModel) : []) : undefined), [model, gpuModel]);

  const events = useObjectEvents({ kind: 'Node', name });
  const crumbs = <Breadcrumbs items={[{ label: 'Nodes', href: '/nodes' }, { label: name }]} />;
  const back = (
    <Link href="/nodes" className="text-sm text-indigo-700 hover:underline">
      ← All nodes
    </Link>
  );
  if (node === undefined) {
    return (
      <>
        {crumbs}
        <PageHeader title={<span className="font-mono">{name}</span>} actions={back} />
        <QueryPending query={nodeQ} what="nodes" skeleton={<NodeDetailSkeleton />} />
      </>
    );
  }
  if (node === null) {
    return (
      <>
        {crumbs}
        <PageHeader title={<span className="font-mono">{name}</span>} actions={back} />
        <DetailNotFound testId="node-not-found" what={`Node ${name}`} listHref="/nodes" listLabel="All nodes" />
      </>
    );
  }
  const hasGpus = Object.values(node.gpuCapacity).some((n) => n > 0) || (gpuModel?.gpus.length ?? 0) > 0;
  return (
    <div data-testid="node-detail" className="flex flex-col gap-4">
      <div>
        {crumbs}
        <PageHeader
          title={
            <span className="flex items-center gap-3">
              <span className="font-mono">{node.name}</span>
              <Badge tone={nodeTone(node)} data-testid={`node-status-${node.name}`}>
                {node.status}
              </Badge>
            </span>
          }
          subtitle={node.roles.length ? `Roles: ${node.roles.join(', ')}` : 'No roles'}
          actions={
            <>
              {back}
              <ObjectYamlButton object={{ kind: 'Node', name: node.name }} />
              <NodeCordon node={node} access={access} pods={pods?.length} />
              <NodeDrain node={node} patch={access} evict={checks.get(evictCheck)} drain={drain} />
            </>
          }
        />
      </div>
      {drain.run && (
        <NodeDrainProgress
          node={node.name}
          run={drain.run}
          onNode={podsOnNode}
          onRetry={drain.retry}
          onStop={drain.stop}
          onDismiss={drain.dismiss}
        />
      )}
      {!podsQ.data && Boolean(loadError(podsQ)) && (
        <QueryError query={podsQ} what="pods, so GPU requests are unknown" />
      )}
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-6">
            <Fact label="GPU product">
              {gpuModel?.gpus.find((g) => g.product)?.product ?? node.gpuProduct ?? '—'}
              {node.gpuMemoryMiB ? ` (${formatMemory(`${node.gpuMemoryMiB}Mi`)})` : ''}
            </Fact>
            <Fact label="CPU allocatable">{formatCpu(node.cpuAllocatable)}</Fact>
            <Fact label="Memory allocatable">{formatMemory(node.memoryAllocatable)}</Fact>
            <Fact label="Pods allocatable">{node.podsAllocatable ?? '—'}</Fact>
            <Fact label="Kubelet">{node.kubeletVersion ?? '—'}</Fact>
            <Fact label="Age">
              <Age at={node.createdAt} now={now} />
            </Fact>
          </dl>
        </CardBody>
      </Card>
      <NodeGpuCard node={node.name} allocation={allocation} model={gpuModel} />
      <NodeGpuMap model={gpuModel} />
      {hasGpus && <NodeGpuCharts node={node.name} />}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title="Labels"
            aside={
              <Link
                href={`/nodes/labels?node=${encodeURIComponent(node.name)}`}
                data-testid="node-edit-labels"
                className="font-medium text-indigo-700 hover:underline"
              >
                {Object.keys(node.labels).length} · Edit labels
              </Link>
            }
          />
          <CardBody>
            <LabelChips labels={node.labels} max={Number.POSITIVE_INFINITY} testId="node-labels" />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Taints" aside={`${node.taints.length}`} />
          <CardBody>
            <NodeTaintsEditor node={node} access={access} pods={pods?.length} />
          </CardBody>
        </Card>
      </div>
      <NodeConditions conditions={node.conditions} now={now} />
      <NodePodsTable pods={pods} now={now} model={model} />
      <ObjectEventsCard events={events} now={now} testId="node-events" />
    </div>
  );
}
