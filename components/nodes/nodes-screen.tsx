'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { nodeCounts } from '@/lib/overview';
import { useNodesQuery } from '@/lib/queries/nodes/nodes-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import type { NodeRow } from '@/lib/views';
import { loadError, QueryError, QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { EmptyState } from '../ui/state';
import { NodesSkeleton } from './nodes-skeleton';
import { NodesTable } from './nodes-table';
import { useGpuAllocation } from './use-gpu-allocation';

const collator = new Intl.Collator('en', { numeric: true });

/** Nodes sorted by name, naturally (gpu-node-2 before gpu-node-10). */
function byName(a: NodeRow, b: NodeRow): number {
  return collator.compare(a.name, b.name);
}

/** The nodes page: every node with its GPU allocation computed from the pods bound to it. */
export function NodesScreen() {
  const nodesQ = useNodesQuery();
  const podsQ = usePodsQuery();
  const nodes = useMemo(() => (nodesQ.data ? [...nodesQ.data.items].sort(byName) : undefined), [nodesQ.data]);
  const { model, allocation } = useGpuAllocation();

  if (!nodes) {
    return (
      <>
        <PageHeader title="Nodes" />
        <QueryPending query={nodesQ} what="nodes" skeleton={<NodesSkeleton />} />
      </>
    );
  }
  const c = nodeCounts(nodes);
  return (
    <>
      <PageHeader
        title="Nodes"
        subtitle={
          <span data-testid="nodes-count">
            {c.total} nodes · {c.ready} ready · {c.notReady} not ready
          </span>
        }
        actions={
          <Link
            href="/nodes/labels"
            data-testid="nodes-label-link"
            className="text-sm font-medium text-indigo-700 hover:underline"
          >
            Label nodes
          </Link>
        }
      />
      <div className="flex flex-col gap-3">
        {!podsQ.data && Boolean(loadError(podsQ)) && (
          <QueryError query={podsQ} what="pods, so GPU requests are unknown" />
        )}
        {nodesQ.isError && <QueryError query={nodesQ} what="the latest nodes" />}
        {nodes.length === 0 ? (
          <EmptyState testId="nodes-empty" title="No nodes">
            The cluster has no Node objects.
          </EmptyState>
        ) : (
          <NodesTable nodes={nodes} allocation={allocation} model={model} />
        )}
      </div>
    </>
  );
}
