'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { IdleHoursRow, IdleHoursScope } from '@/lib/metrics/idle-hours';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { useIdleHoursQuery } from '@/lib/queries/metrics/idle-hours-query';
import { loadError } from '../feedback/query-states';
import { Card, CardBody, CardHeader } from '../ui/card';
import { cn } from '../ui/cn';
import { TableSkeleton } from '../ui/skeleton';
import { EmptyState } from '../ui/state';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { ThresholdSelect } from './threshold-select';
import { PrometheusError } from './prometheus-error';

const SCOPES: { id: IdleHoursScope; label: string }[] = [
  { id: 'workload', label: 'By workload' },
  { id: 'namespace', label: 'By namespace' },
];
const hours = (h: number) => (h >= 100 ? h.toFixed(0) : h >= 10 ? h.toFixed(1) : h.toFixed(2));

function Row({ r }: { r: IdleHoursRow }) {
  const unmeasured = r.measuredHours < r.allocatedHours * 0.999;
  return (
    <TR data-testid="idle-hours-row" data-namespace={r.namespace} data-name={r.name ?? ''}>
      <TD className="whitespace-nowrap">
        <Link href={r.href} className="font-mono text-xs text-indigo-700 hover:underline" data-testid="idle-hours-link">
          {r.scope === 'workload' ? `${r.namespace}/${r.name}` : r.namespace}
        </Link>
        {r.kind && <span className="ml-1.5 text-xs text-zinc-500">{r.kind}</span>}
      </TD>
      <TD className="text-right tabular-nums">{r.pods}</TD>
      <TD className="text-right tabular-nums">{hours(r.allocatedHours)}</TD>
      <TD className="text-right font-medium tabular-nums">{hours(r.idleHours)}</TD>
      <TD
        className="text-right tabular-nums"
        title={
          unmeasured
            ? `DCGM measured ${hours(r.measuredHours)} of ${hours(r.allocatedHours)} GPU-hours; the rest is not counted idle`
            : undefined
        }
      >
        {r.idlePercent.toFixed(1)} %{unmeasured && <span className="text-amber-600"> *</span>}
      </TD>
    </TR>
  );
}

/**
 * Idle GPU-hours over the page's window, by workload or namespace, most waste first: GPU units
 * (whole GPUs, MIG slices, shares) requested by Running pods × the share of them DCGM saw idle.
 */
export function IdleHoursCard({ window, refreshMs }: { window: TimeWindow; refreshMs: number }) {
  const [threshold, setThreshold] = useState(10);
  const [scope, setScope] = useState<IdleHoursScope>('workload');
  const q = useIdleHoursQuery(window, threshold, refreshMs);
  const rows = q.data ? (scope === 'workload' ? q.data.workloads : q.data.namespaces) : undefined;
  const error = loadError(q);
  return (
    <Card
      className="xl:col-span-2"
      data-testid="idle-hours"
      data-state={error ? 'error' : rows ? 'ready' : 'loading'}
      aria-busy={q.isFetching}
    >
      <CardHeader
        title="Idle GPU-hours"
        aside={
          <div className="flex items-center gap-2">
            <div
              role="group"
              aria-label="Group by"
              className="inline-flex overflow-hidden rounded-md border border-zinc-300"
            >
              {SCOPES.map((s) => (
                <button
                  key={s.id}
                  type="button"
                  aria-pressed={scope === s.id}
                  data-testid={`idle-hours-${s.id}`}
                  onClick={() => setScope(s.id)}
                  className={cn(
                    'h-7 px-2 text-xs',
                    scope === s.id ? 'bg-indigo-600 text-white' : 'bg-white text-zinc-700 hover:bg-zinc-50',
                  )}
                >
                  {s.label}
                </button>
              ))}
            </div>
            <ThresholdSelect
              value={threshold}
              onChange={setThreshold}
              prefix="idle under"
              label="Idle GPU-hours threshold"
              testId="idle-hours-threshold"
            />
          </div>
        }
      />
      <CardBody className="p-0">
        {error ? (
          <div className="p-4">
            <PrometheusError error={error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
          </div>
        ) : !rows ? (
          <TableSkeleton rows={3} />
        ) : rows.length === 0 ? (
          <EmptyState className="m-4" title="No GPU allocated">
            No Running pod requested a GPU, MIG slice or GPU share in this window.
          </EmptyState>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            <Table>
              <THead>
                <TR>
                  <TH>{scope === 'workload' ? 'Workload' : 'Namespace'}</TH>
                  <TH className="text-right">Pods</TH>
                  <TH
                    className="text-right"
                    title="GPU units (whole GPUs, MIG slices, shares) × hours requested by Running pods"
                  >
                    GPU-hours allocated
                  </TH>
                  <TH className="text-right">Idle GPU-hours</TH>
                  <TH className="text-right">Idle</TH>
                </TR>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <Row key={`${r.namespace}/${r.kind ?? ''}/${r.name ?? ''}`} r={r} />
                ))}
              </TBody>
            </Table>
            <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              A whole GPU, a MIG slice and a GPU share each count as one unit, as the scheduler counts them.
              {rows.some((r) => r.measuredHours < r.allocatedHours * 0.999) &&
                ' * DCGM did not report all of it; unreported time is not counted idle.'}
              {q.data?.truncated && ' Only the 200 most idle rows are shown.'}
            </p>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
