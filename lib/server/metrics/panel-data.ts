import 'server-only';
import type { PanelQuery } from '../../metrics/panels';
import { toChartData, type ChartData } from '../../metrics/shape';
import type { QueryWindow } from '../../metrics/time-range';
import type { MetricsScope } from '../../metrics/promql-scope';
import type { UserPrometheus } from './user-prometheus';

/** What a panel route answers: the rows to draw and exactly what was asked of Prometheus. */
export interface PanelAnswer extends ChartData, QueryWindow {
  /** The PromQL as sent, with the user's namespace matcher. */
  queries: PanelQuery[];
  access: MetricsScope;
}

/** Runs a panel's queries in parallel (the session's slots permitting) over one window, as chart rows. */
export async function panelData(queries: PanelQuery[], w: QueryWindow, prom: UserPrometheus): Promise<PanelAnswer> {
  const results = await Promise.all(queries.map(async (q) => ({ ...(await prom.range(q.expr, w)), legend: q.legend })));
  return {
    ...toChartData(results),
    ...w,
    queries: results.map((r) => ({ expr: r.expr, legend: r.legend })),
    access: prom.access,
  };
}
