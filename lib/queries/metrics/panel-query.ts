import { keepPreviousData } from '@tanstack/react-query';
import { useQuery } from '../use-query';
import type { PanelQuery } from '../../metrics/panels';
import type { MetricsScope } from '../../metrics/promql-scope';
import type { ChartData } from '../../metrics/shape';
import { windowParams, type QueryWindow, type TimeWindow } from '../../metrics/time-range';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { metricsKeys } from './keys';

/** A panel's answer: chart rows plus the window and PromQL the server used. */
export interface PanelAnswer extends ChartData, QueryWindow {
  id: string;
  /** The PromQL as sent, with the user's namespace matcher. */
  queries: PanelQuery[];
  /** What the user may read; the series are limited to it. */
  access: MetricsScope;
}

export interface PanelVars {
  id: string;
  window: TimeWindow;
  node?: string;
}

export function getPanel(v: PanelVars, signal?: AbortSignal): Promise<PanelAnswer> {
  const q = new URLSearchParams({ ...windowParams(v.window), ...(v.node ? { node: v.node } : {}) });
  return fetchJson<PanelAnswer>(`/api/metrics/panels/${encodeURIComponent(v.id)}?${q}`, { signal });
}

/**
 * One preset panel. Metrics are not in the watch cache, so this is the one place the panel polls:
 * every `refreshMs` while the tab is visible (0 = never); the previous chart stays up meanwhile.
 */
export function usePanelQuery(v: PanelVars, refreshMs: number) {
  return useQuery<PanelAnswer, ApiError>({
    queryKey: metricsKeys.panel(v.id, v.window, v.node),
    queryFn: ({ signal }) => getPanel(v, signal),
    refetchInterval: refreshMs || false,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}
