import type { TimeWindow } from '../../metrics/time-range';

/** Query keys of the metrics area; `all` invalidates every chart. */
export const metricsKeys = {
  all: ['metrics'] as const,
  access: ['metrics', 'access'] as const,
  panel: (id: string, w: TimeWindow, node?: string) => [...metricsKeys.all, 'panel', id, w, node ?? null] as const,
  idleGpus: (w: TimeWindow, threshold: number, node?: string) =>
    [...metricsKeys.all, 'idle-gpus', w, threshold, node ?? null] as const,
  idleHours: (w: TimeWindow, threshold: number) => [...metricsKeys.all, 'idle-hours', w, threshold] as const,
  promql: (query: string, w: TimeWindow) => [...metricsKeys.all, 'promql', query, w] as const,
};
