'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { parseSelector } from '@/lib/label-selector';
import { DEFAULT_POD_SORT, filterPods, podNamespaces, sortPods, toggleSort, type PodSort } from '@/lib/pod-list';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { QueryError, QueryPending } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { PodsFilters, type PodFilterText } from './pods-filters';
import { PodsSkeleton } from './pods-skeleton';
import { PodsTable } from './pods-table';

/** Mirrors the filters into the address bar (`?namespace=&selector=&q=`) so a view can be shared. */
function writeUrl(f: PodFilterText) {
  const params = new URLSearchParams();
  if (f.namespace) params.set('namespace', f.namespace);
  if (f.selector) params.set('selector', f.selector);
  if (f.search) params.set('q', f.search);
  const qs = params.toString();
  window.history.replaceState(null, '', qs ? `?${qs}` : window.location.pathname);
}

/**
 * The pods page: the full pods view filtered and sorted in the browser, so stream deltas keep
 * patching one list while the operator narrows it.
 */
export function PodsScreen({ initial }: { initial: PodFilterText }) {
  const query = usePodsQuery();
  const [text, setText] = useState(initial);
  const [sort, setSort] = useState<PodSort>(DEFAULT_POD_SORT);
  const deferred = useDeferredValue(text);

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

  const onChange = (next: PodFilterText) => {
    setText(next);
    writeUrl(next);
  };

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
          onSort={(key) => setSort((s) => toggleSort(s, key))}
        />
      </div>
    </>
  );
}
