'use client';

import { useMemo } from 'react';
import { useAccess } from '@/lib/queries/access/access-query';
import { useWorkloadsQuery } from '@/lib/queries/workloads/workloads-query';
import { WORKLOAD_RESOURCES, type WorkloadKind } from '@/lib/kube-resources';
import { WORKLOAD_LISTS } from '@/lib/namespace-access';
import { WORKLOAD_PAGE_FIELDS, type PageState } from '@/lib/url-state/page-fields';
import { useUrlState } from '../hooks/use-url-state';
import { QueryError, QueryPending } from '../feedback/query-states';
import { NamespacePicker } from '../layout/namespace-picker';
import { PageHeader } from '../layout/page-header';
import { Input, Select } from '../ui/select';
import { TableSkeleton } from '../ui/skeleton';
import { filterWorkloads } from './workload-list';
import { scaleCheck } from './scale-control';
import { WorkloadsTable } from './workloads-table';
import { BatchSections } from './batch-sections';

const KINDS = Object.keys(WORKLOAD_RESOURCES) as WorkloadKind[];
/** The kind filter: a rollout kind, or Jobs or CronJobs (their own tables below). */
type KindFilter = WorkloadKind | 'Job' | 'CronJob';
const FILTER_KINDS: KindFilter[] = [...KINDS, 'CronJob', 'Job'];

/**
 * The workloads page: every Deployment, StatefulSet and DaemonSet the user may list, then their
 * CronJobs and Jobs, filterable by kind and by namespace (the picker offers the namespaces the
 * user may list workloads in); the filters live in the URL.
 */
export function WorkloadsScreen({ initial }: { initial: PageState<typeof WORKLOAD_PAGE_FIELDS> }) {
  const query = useWorkloadsQuery();
  const [{ kind, namespace, search }, setState] = useUrlState(WORKLOAD_PAGE_FIELDS, initial);
  const rows = query.data?.items;
  const namespaces = useMemo(() => (rows ? [...new Set(rows.map((w) => w.namespace))].sort() : []), [rows]);
  const rolloutKind = KINDS.find((k) => k === kind) ?? null;
  const showRollouts = kind === '' || rolloutKind !== null;
  const shown = useMemo(
    () =>
      rows && showRollouts ? filterWorkloads(rows, { kind: rolloutKind, namespace: namespace || null, search }) : [],
    [rows, showRollouts, rolloutKind, namespace, search],
  );
  const batchFilter = useMemo(() => ({ namespace: namespace || null, search }), [namespace, search]);
  const access = useAccess(shown.filter((w) => w.kind !== 'DaemonSet').map(scaleCheck));

  if (!rows) {
    return (
      <>
        <PageHeader title="Workloads" />
        <QueryPending query={query} what="workloads" skeleton={<TableSkeleton rows={8} testId="workloads-loading" />} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Workloads"
        subtitle={
          <span data-testid="workloads-count" data-shown={shown.length} data-total={rows.length}>
            {shown.length} of {rows.length} workloads
          </span>
        }
      />
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap gap-2">
          <Select
            data-testid="workloads-kind-filter"
            aria-label="Kind"
            value={kind}
            onChange={(e) => setState({ kind: FILTER_KINDS.find((k) => k === e.target.value) ?? '' })}
          >
            <option value="">All kinds</option>
            {FILTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}s
              </option>
            ))}
          </Select>
          <NamespacePicker
            testId="workloads-namespace-filter"
            aria-label="Namespace"
            value={namespace}
            onChange={(ns) => setState({ namespace: ns })}
            wanted={WORKLOAD_LISTS}
            seen={namespaces}
            className="w-48"
          />
          <Input
            data-testid="workloads-search"
            type="search"
            aria-label="Search"
            placeholder="name or image…"
            value={search}
            onChange={(e) => setState({ search: e.target.value }, 'typing')}
            className="w-64"
          />
        </div>
        {query.isError && <QueryError query={query} what="the latest workloads" />}
        {showRollouts && (
          <WorkloadsTable
            rows={shown}
            scaleAccess={(w) => access.get(scaleCheck(w))}
            emptyText={
              rows.length === 0
                ? 'There are no Deployments, StatefulSets or DaemonSets in the namespaces you may read.'
                : 'No workloads match these filters.'
            }
          />
        )}
        <BatchSections
          filter={batchFilter}
          show={{ jobs: kind === '' || kind === 'Job', cronJobs: kind === '' || kind === 'CronJob' }}
        />
      </div>
    </>
  );
}
