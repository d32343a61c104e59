import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { panelData } from '@/lib/server/metrics/panel-data';
import { userPrometheus } from '@/lib/server/metrics/user-prometheus';
import { resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * The free PromQL box: any range query over at most 31 days, step ≥ 1 s and ≤ 1,100 points
 * (chosen for ~300 points when absent). An invalid query is a 400 with Prometheus' own message.
 * Limited to what the user may read: each selector gets the user's namespace matcher (none for
 * a user who may list pods everywhere and nodes); what cannot be limited or is too costly is a 400.
 */
export const GET = route(
  {
    query: z.strictObject({
      query: z.string().trim().min(1, 'enter a PromQL query').max(4000),
      ...windowFields,
      step: z.coerce.number().positive().optional(),
    }),
  },
  async (ctx) => {
    const w = resolveWindow(ctx.query, ctx.query.step);
    return panelData([{ expr: ctx.query.query, legend: '' }], w, await userPrometheus(ctx));
  },
);
