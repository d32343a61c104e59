import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { panelData } from '@/lib/server/metrics/panel-data';
import { resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * The free PromQL box: any range query over at most 31 days, step ≥ 1 s and ≤ 1,100 points
 * (chosen for ~300 points when absent). An invalid query is a 400 with Prometheus' own message.
 * Readable by every signed-in user (Prometheus data is not filtered per RBAC).
 */
export const GET = route(
  {
    query: z.strictObject({
      query: z.string().trim().min(1, 'enter a PromQL query').max(4000),
      ...windowFields,
      step: z.coerce.number().positive().optional(),
    }),
  },
  async ({ query, signal }) => panelData([{ expr: query.query, legend: '' }], resolveWindow(query, query.step), signal),
);
