'use client';

import { useMemo, type ReactNode } from 'react';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { METRICS_PAGE_FIELDS, REFRESH_CHOICES, type PageState } from '@/lib/url-state/page-fields';
import { useUrlState } from '../hooks/use-url-state';
import { PageHeader } from '../layout/page-header';
import { IdleGpusCard } from './idle-gpus-card';
import { IdleHoursCard } from './idle-hours-card';
import { MetricPanel } from './metric-panel';
import { MetricsAccessNote } from './metrics-access-note';
import { PromqlBox } from './promql-box';
import { RangePicker } from './range-picker';
import { RefreshPicker } from './refresh-picker';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-3">
      <h2 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase">{title}</h2>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">{children}</div>
    </section>
  );
}

/**
 * `/metrics`: Prometheus' answers to the everyday questions about GPUs, the API and the pods. The
 * range (a preset, or `start`/`end` in Unix seconds) and the refresh interval live in the URL.
 */
export function MetricsScreen({ initial }: { initial: PageState<typeof METRICS_PAGE_FIELDS> }) {
  const [state, setState] = useUrlState(METRICS_PAGE_FIELDS, initial);
  const { range, start, end } = state;
  const win = useMemo<TimeWindow>(() => (start && end > start ? { start, end } : { range }), [range, start, end]);
  const setWin = (w: TimeWindow) =>
    setState(
      'range' in w ? { range: w.range, start: 0, end: 0 } : { start: Math.floor(w.start), end: Math.floor(w.end) },
    );
  const refreshMs = Number(state.refresh);
  const p = { window: win, refreshMs };
  return (
    <div className="flex flex-col gap-6" data-testid="metrics-view">
      <PageHeader
        title="Metrics"
        subtitle="From Prometheus, limited to the series Kubernetes lets you read."
        actions={
          <>
            {/* Keyed by the window so Back/Forward resets the picker's own custom-range inputs. */}
            <RangePicker key={JSON.stringify(win)} value={win} onChange={setWin} />
            <RefreshPicker
              value={refreshMs}
              onChange={(ms) => setState({ refresh: REFRESH_CHOICES.find((c) => c === String(ms)) ?? '30000' })}
            />
          </>
        }
      />
      <MetricsAccessNote />
      <Section title="GPUs">
        <MetricPanel id="gpu-util" {...p} />
        <MetricPanel id="gpu-util-node" {...p} />
        <MetricPanel id="gpu-memory" {...p} />
        <MetricPanel id="gpu-temperature" {...p} />
        <MetricPanel id="gpu-power" {...p} />
        <MetricPanel
          id="gpu-allocation"
          {...p}
          emptyHint="kube-state-metrics reports no nvidia.com/gpu requests or allocatable."
        />
      </Section>
      <Section title="Allocation">
        <IdleGpusCard {...p} />
        <IdleHoursCard {...p} />
      </Section>
      <Section title="ImagePod API">
        <MetricPanel
          id="api-rate"
          {...p}
          emptyHint="No http_requests_total from job imagepod-api: is the API deployed and scraped?"
        />
        <MetricPanel id="api-errors" {...p} />
        <MetricPanel id="api-latency" {...p} />
      </Section>
      <Section title="Pods and components">
        <MetricPanel
          id="pod-cpu"
          {...p}
          emptyHint="No cAdvisor series: Prometheus does not scrape the kubelets’ /metrics/cadvisor."
        />
        <MetricPanel
          id="pod-memory"
          {...p}
          emptyHint="No cAdvisor series: Prometheus does not scrape the kubelets’ /metrics/cadvisor."
        />
        <MetricPanel
          id="components-up"
          {...p}
          emptyHint="kube-state-metrics reports no postgres, redis or imagepod-gpu-worker in the imagepod namespace: deploy the bundle."
        />
      </Section>
      <PromqlBox window={win} />
    </div>
  );
}
