'use client';

import { useState } from 'react';
import type { TimeWindow } from '@/lib/metrics/time-range';
import { MetricPanel } from '../metrics/metric-panel';
import { RangePicker } from '../metrics/range-picker';

const NODE_PANELS = ['gpu-util', 'gpu-memory', 'gpu-temperature', 'gpu-power', 'gpu-allocation'];

/** A GPU node's charts from Prometheus (per GPU), with their own time range; refreshed every 30 s. */
export function NodeGpuCharts({ node }: { node: string }) {
  const [win, setWin] = useState<TimeWindow>({ range: '1h' });
  return (
    <section className="flex flex-col gap-3" data-testid="node-gpu-charts">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold tracking-wide text-zinc-500 uppercase">GPU metrics</h2>
        <RangePicker value={win} onChange={setWin} />
      </div>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {NODE_PANELS.map((id) => (
          <MetricPanel key={id} id={id} window={win} node={node} refreshMs={30_000} />
        ))}
      </div>
    </section>
  );
}
