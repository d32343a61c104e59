'use client';

import { useState } from 'react';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { usePromqlQuery } from '@/lib/queries/metrics/promql-query';
import { TimeSeriesChart } from '../charts/time-series-chart';
import { Button } from '../ui/button';
import { Card, CardBody, CardHeader } from '../ui/card';
import { cn } from '../ui/cn';
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
          className="flex items-start gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(text.trim());
          }}
        >
          {/*
            A textarea, not an input: Chromium clips an input's text to the font's ascent and
            descent, and DejaVu Sans Mono (the monospace Linux browsers fall back to) draws "_"
            below them at 14 px — DCGM_FI_DEV_GPU_UTIL read "DCGM FI DEV GPU UTIL". A textarea's
            lines are not clipped so. Enter runs the query; Shift+Enter starts a new line.
          */}
          <textarea
            aria-label="PromQL query"
            placeholder="e.g. sum by (node) (DCGM_FI_DEV_GPU_UTIL)"
            value={text}
            rows={1}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
            aria-invalid={q.error?.status === 400 || undefined}
            className={cn(
              'min-h-8 flex-1 resize-y rounded-md border bg-white px-2.5 py-1.5 font-mono text-sm leading-5 text-zinc-800 placeholder:text-zinc-400 focus:ring-1 focus:outline-none',
              q.error?.status === 400
                ? 'border-red-400 focus:border-red-500 focus:ring-red-500'
                : 'border-zinc-300 focus:border-indigo-500 focus:ring-indigo-500',
            )}
            data-testid="promql-input"
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
