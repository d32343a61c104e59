'use client';

import { useState } from 'react';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { usePromqlQuery } from '@/lib/queries/metrics/promql-query';
import { TimeSeriesChart } from '../charts/time-series-chart';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { Input } from '../ui/select';
import { EmptyState } from '../ui/state';
import { PrometheusError } from './prometheus-error';

/** A free PromQL range query over the page's window; Prometheus' own error when it is invalid. */
export function PromqlBox({ window }: { window: TimeWindow }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const q = usePromqlQuery(query, window);
  return (
    <Card data-testid="promql">
      <CardHeader title="PromQL" aside="range query over the selected window" />
      <CardBody className="flex flex-col gap-3">
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text.trim());
          }}
        >
          <Input
            aria-label="PromQL query"
            placeholder="e.g. sum by (node) (DCGM_FI_DEV_GPU_UTIL)"
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="flex-1 font-mono"
            data-testid="promql-input"
            invalid={q.error?.status === 400}
          />
          <Button type="submit" variant="primary" disabled={!text.trim()} data-testid="promql-run">
            Run
          </Button>
        </form>
        {q.error ? (
          <PrometheusError error={q.error} />
        ) : q.data && q.data.series.length === 0 ? (
          <EmptyState title="No series" testId="promql-empty">
            The query matched nothing in this window.
          </EmptyState>
        ) : q.data ? (
          <TimeSeriesChart
            series={q.data.series}
            rows={q.data.rows}
            unit="count"
            start={q.data.start * 1000}
            end={q.data.end * 1000}
            testId="chart-promql"
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
