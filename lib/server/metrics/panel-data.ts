import 'server-only';
import type { PanelQuery } from '../../metrics/panels';
import { toChartData, type ChartData } from '../../metrics/shape';
import type { QueryWindow } from '../../metrics/time-range';
import { queryRange } from './prometheus';

/** What a panel route answers: the rows to draw and exactly what was asked of Prometheus. */
export interface PanelAnswer extends ChartData, QueryWindow {
  queries: PanelQuery[];
}

/** Runs a panel's queries in parallel over one window and merges them into chart rows. */
export async function panelData(queries: PanelQuery[], w: QueryWindow, signal: AbortSignal): Promise<PanelAnswer> {
  const results = await Promise.all(
    queries.map(async (q) => ({ series: await queryRange(q.expr, w, signal), legend: q.legend })),
  );
  return { ...toChartData(results), ...w, queries };
}
