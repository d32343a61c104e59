'use client';

import Link from 'next/link';
import { useState } from 'react';
import { humanDuration } from '@/lib/format';
import { podHref } from '@/lib/gpu-page/pod-links';
import type { IdleGpu } from '@/lib/metrics/idle-gpus';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { useIdleGpusQuery } from '@/lib/queries/metrics/idle-gpus-query';
import { loadError } from '../feedback/query-states';
import { Card, CardBody, CardHeader } from '../ui/card';
import { TableSkeleton } from '../ui/skeleton';
import { EmptyState } from '../ui/state';
import { Table, TBody, TD, TH, THead, TR } from '../ui/table';
import { ThresholdSelect } from './threshold-select';
import { PrometheusError } from './prometheus-error';
import { useFormatTime } from '../time/time-zone';

/** Which unit of the GPU: the whole GPU, a MIG instance (profile, id) or its shares. */
function unitLabel(g: IdleGpu) {
  if (g.kind === 'mig')
    return (
      <>
        MIG {g.profile} <span className="text-xs text-zinc-500">#{g.instance}</span>
      </>
    );
  if (g.kind === 'shared')
    return (
      <>
        shared{' '}
        <span className="text-xs text-zinc-500">
          {g.holders.length} holder{g.holders.length === 1 ? '' : 's'}
        </span>
      </>
    );
  return 'whole';
}

/** "Allocated but idle": GPU units held by pods that stayed under the threshold for 5 minutes or more. */
export function IdleGpusCard({ window, refreshMs }: { window: TimeWindow; refreshMs: number }) {
  const [threshold, setThreshold] = useState(10);
  const q = useIdleGpusQuery(window, threshold, refreshMs);
  const format = useFormatTime();
  const items = q.data?.items;
  const error = loadError(q);
  return (
    <Card
      className="xl:col-span-2"
      data-testid="idle-gpus"
      data-state={error ? 'error' : items ? 'ready' : 'loading'}
      aria-busy={q.isFetching}
    >
      <CardHeader
        title="Allocated but idle GPUs"
        aside={
          <ThresholdSelect
            value={threshold}
            onChange={setThreshold}
            prefix="under"
            label="Idle threshold"
            testId="idle-threshold"
          />
        }
      />
      <CardBody className="p-0">
        {error ? (
          <div className="p-4">
            <PrometheusError error={error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
          </div>
        ) : !items ? (
          <TableSkeleton rows={3} />
        ) : items.length === 0 ? (
          <EmptyState className="m-4" title="No idle allocated GPU">
            No GPU, MIG instance or share held by a pod stayed under {threshold} % for 5 minutes in this window.
          </EmptyState>
        ) : (
          <div className="max-h-80 overflow-y-auto">
            <Table>
              <THead>
                <TR>
                  <TH>Pod</TH>
                  <TH>Node</TH>
                  <TH>GPU</TH>
                  <TH>Unit</TH>
                  <TH>Idle for</TH>
                  <TH>Max util.</TH>
                </TR>
              </THead>
              <TBody>
                {items.map((g) => (
                  <TR
                    key={`${g.node}/${g.uuid || g.gpu}/${g.instance ?? ''}`}
                    data-testid="idle-gpu-row"
                    data-kind={g.kind}
                  >
                    <TD className="font-mono text-xs whitespace-nowrap">
                      {g.holders.map((h) => (
                        <div key={`${h.namespace}/${h.pod}/${h.vgpu ?? ''}`}>
                          <Link
                            href={podHref({ namespace: h.namespace, name: h.pod })}
                            className="text-indigo-700 hover:underline"
                          >
                            {h.namespace}/{h.pod}
                          </Link>
                        </div>
                      ))}
                    </TD>
                    <TD className="whitespace-nowrap">
                      <Link href={`/nodes/${encodeURIComponent(g.node)}`} className="text-indigo-700 hover:underline">
                        {g.node}
                      </Link>
                    </TD>
                    <TD title={g.uuid} className="whitespace-nowrap">
                      {g.gpu} <span className="text-xs text-zinc-500">{g.model}</span>
                    </TD>
                    <TD className="whitespace-nowrap">{unitLabel(g)}</TD>
                    <TD title={`since ${format(g.idleSince)}`}>{humanDuration(g.idleSeconds * 1000)}</TD>
                    <TD>{g.maxUtil} %</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
