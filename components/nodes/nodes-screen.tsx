'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { parseSelector } from '@/lib/label-selector';
import { filterNodes, sortNodes } from '@/lib/node-list';
import { nodeCounts } from '@/lib/overview';
import { toggleSort } from '@/lib/pod-list';
import { NODE_PAGE_FIELDS, type PageState } from '@/lib/url-state/page-fields';
import { useNodesQuery } from '@/lib/queries/nodes/nodes-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { useUrlState } from '../hooks/use-url-state';
import { loadError, QueryError, QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { EmptyState } from '../ui/state';
import { NodesFilters } from './nodes-filters';
import { NodesSkeleton } from './nodes-skeleton';
import { NodesTable } from './nodes-table';
import { useGpuAllocation } from './use-gpu-allocation';

/**
 * The nodes page: every node with its GPU allocation computed from the pods bound to it, narrowed
 * by a label selector and a search and sorted by a header, all three in the URL.
 */
export function NodesScreen({ initial }: { initial: PageState<typeof NODE_PAGE_FIELDS> }) {
  const nodesQ = useNodesQuery();
  const podsQ = usePodsQuery();
  const [state, setState] = useUrlState(NODE_PAGE_FIELDS, initial);
  const { sort, ...text } = state;
  const selector = useMemo(() => parseSelector(text.selector), [text.selector]);
  const all = nodesQ.data?.items;
  const nodes = useMemo(
    () =>
      all
        ? sortNodes(filterNodes(all, { selector: selector.ok ? selector.selector : [], search: text.search }), sort)
        : undefined,
    [all, selector, text.search, sort],
  );
  const { model, allocation } = useGpuAllocation();

  if (!nodes || !all) {
    return (
      <>
        <PageHeader title="Nodes" />
        <QueryPending query={nodesQ} what="nodes" skeleton={<NodesSkeleton />} />
      </>
    );
  }
  const c = nodeCounts(all);
  return (
    <>
      <PageHeader
        title="Nodes"
        subtitle={
          <span data-testid="nodes-count">
            {nodes.length < all.length && `${nodes.length} of `}
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
        <NodesFilters
          value={text}
          onChange={(next) => setState(next, 'typing')}
          selectorError={selector.ok ? null : selector.error}
        />
        {nodesQ.isError && <QueryError query={nodesQ} what="the latest nodes" />}
        {all.length === 0 ? (
          <EmptyState testId="nodes-empty" title="No nodes">
            The cluster has no Node objects.
          </EmptyState>
        ) : nodes.length === 0 ? (
          <EmptyState testId="nodes-no-match" title="No nodes match">
            No nodes match these filters.
          </EmptyState>
        ) : (
          <NodesTable
            nodes={nodes}
            allocation={allocation}
            model={model}
            sort={sort}
            onSort={(key) => setState({ sort: toggleSort(sort, key) })}
          />
        )}
      </div>
    </>
  );
}
