'use client';

import { useSettled } from '../hooks/use-settled';
import { useMemo } from 'react';
import { parseSelector } from '@/lib/label-selector';
import { filterPods, podNamespaces, sortPods, toggleSort } from '@/lib/pod-list';
import { POD_PAGE_FIELDS, type PageState } from '@/lib/url-state/page-fields';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { useUrlState } from '../hooks/use-url-state';
import { QueryError, QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { PodsFilters, type PodFilterText } from './pods-filters';
import { PodsSkeleton } from './pods-skeleton';
import { PodsTable } from './pods-table';

/**
 * The pods page: the full pods view filtered and sorted in the browser, so stream deltas keep
 * patching one list while the operator narrows it. Filters and sort live in the URL.
 */
export function PodsScreen({ initial }: { initial: PageState<typeof POD_PAGE_FIELDS> }) {
  const query = usePodsQuery();
  const [state, setState] = useUrlState(POD_PAGE_FIELDS, initial);
  const { sort, namespace, selector, search } = state;
  // One object per change (not per render), so the deferred copy settles.
  const text = useMemo(() => ({ namespace, selector, search }), [namespace, selector, search]);
  const deferred = useSettled(text);

  const selectorNow = useMemo(() => parseSelector(text.selector), [text.selector]);
  const selectorDeferred = useMemo(() => parseSelector(deferred.selector), [deferred.selector]);
  const rows = query.data?.items;
  const namespaces = useMemo(() => (rows ? podNamespaces(rows) : []), [rows]);
  const filtered = useMemo(() => {
    // An invalid selector selects nothing: the unfiltered list under its error would look like an answer.
    if (!rows || !selectorDeferred.ok) return [];
    const filter = {
      namespace: deferred.namespace || null,
      selector: selectorDeferred.selector,
      search: deferred.search,
    };
    return sortPods(filterPods(rows, filter), sort);
  }, [rows, deferred.namespace, deferred.search, selectorDeferred, sort]);

  // A namespace pick is a Back step; typing in the selector or search is one per burst.
  const onChange = (next: PodFilterText) => setState(next, next.namespace !== text.namespace ? 'push' : 'typing');

  if (!rows) {
    return (
      <>
        <PageHeader title="Pods" />
        <QueryPending query={query} what="pods" skeleton={<PodsSkeleton />} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Pods"
        subtitle={
          <span data-testid="pods-count" data-shown={filtered.length} data-total={rows.length}>
            {filtered.length.toLocaleString('en-US')} of {rows.length.toLocaleString('en-US')} pods
          </span>
        }
      />
      <div className="flex flex-col gap-3">
        <PodsFilters
          value={text}
          onChange={onChange}
          namespaces={namespaces}
          selectorError={selectorNow.ok ? null : selectorNow.error}
        />
        {query.isError && <QueryError query={query} what="the latest pods" />}
        <PodsTable
          rows={filtered}
          total={rows.length}
          sort={sort}
          onSort={(key) => setState({ sort: toggleSort(sort, key) })}
        />
      </div>
    </>
  );
}
