'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { logsLink } from '@/lib/metrics/logs-link';
import { withoutDeletedNamespaces } from '@/lib/metrics/namespaces';
import { panelById } from '@/lib/metrics/panels';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { usePanelQuery } from '@/lib/queries/metrics/panel-query';
import { useNamespacesQuery } from '@/lib/queries/namespaces/namespaces-query';
import { TimeSeriesChart } from '../charts/time-series-chart';
import { loadError } from '../feedback/query-states';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Skeleton } from '../ui/skeleton';
import { EmptyState } from '../ui/state';
import { PrometheusError } from './prometheus-error';

/**
 * One preset panel: its chart over the window, or why there is none — its own error (Prometheus
 * down reads as such, per panel, and clears at the next successful refresh) or an empty state.
 * The header links to the logs of the same window. Series of namespaces that no longer exist
 * are left out unless "include deleted namespaces" is ticked (the box shows only when some are).
 */
export function MetricPanel({
  id,
  window,
  node,
  refreshMs,
  emptyHint,
}: {
  id: string;
  window: TimeWindow;
  node?: string;
  refreshMs: number;
  /** Why this panel may have no series (e.g. the bundle is not deployed). */
  emptyHint?: string;
}) {
  const def = panelById(id)!;
  const q = usePanelQuery({ id, window, node }, refreshMs);
  const d = q.data;
  const namespacesQ = useNamespacesQuery();
  const [includeDeleted, setIncludeDeleted] = useState(false);
  const live = useMemo(
    () => (namespacesQ.data ? new Set(namespacesQ.data.items.map((n) => n.name)) : null),
    [namespacesQ.data],
  );
  const shown = useMemo(() => (d ? withoutDeletedNamespaces(d.series, live) : null), [d, live]);
  // The first failed attempt shows at once (retries continue), as loadError() does for views.
  const error = loadError(q);
  const state = error ? 'error' : !d ? 'loading' : d.series.length === 0 ? 'empty' : 'ready';
  return (
    <Card data-testid={`panel-${id}`} data-state={state} aria-busy={q.isFetching}>
      <CardHeader
        title={def.title}
        aside={
          d && (
            <Link
              href={logsLink(d.start * 1000, d.end * 1000, { node })}
              className="text-indigo-700 hover:underline"
              data-testid={`panel-${id}-logs`}
            >
              Logs of this window
            </Link>
          )
        }
      />
      <CardBody className="pt-2">
        <p className="mb-2 text-xs text-zinc-500">{(node && def.nodeHint) || def.hint}</p>
        {error ? (
          <PrometheusError error={error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        ) : !d ? (
          <Skeleton className="h-[220px] w-full" />
        ) : d.series.length === 0 ? (
          <EmptyState title="No series in this window" className="py-16">
            {d.access.namespaces !== 'all' || !d.access.nodes
              ? 'Nothing among the series Kubernetes lets you read.'
              : (emptyHint ?? 'Prometheus has no data for this panel yet.')}
          </EmptyState>
        ) : (
          <>
            <TimeSeriesChart
              series={includeDeleted || !shown ? d.series : shown.series}
              rows={d.rows}
              unit={def.unit}
              whole={def.whole}
              start={d.start * 1000}
              end={d.end * 1000}
              testId={`chart-${id}`}
            />
            {shown && shown.dropped > 0 && (
              <label className="mt-1 flex items-center gap-1.5 text-xs text-zinc-600">
                <input
                  type="checkbox"
                  checked={includeDeleted}
                  onChange={(e) => setIncludeDeleted(e.target.checked)}
                  data-testid={`panel-${id}-include-deleted`}
                />
                include deleted namespaces (
                {shown.series.length === 0 && !includeDeleted
                  ? `all ${shown.dropped} series in this window are of deleted namespaces`
                  : `${shown.dropped} series ${includeDeleted ? 'shown' : 'hidden'}`}
                )
              </label>
            )}
            {d.truncated && <p className="mt-1 text-xs text-amber-700">Showing the first {d.series.length} series.</p>}
          </>
        )}
      </CardBody>
    </Card>
  );
}
