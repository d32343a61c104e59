import { z } from 'zod';
import { PANEL_IDS, panelById } from '@/lib/metrics/panels';
import { route } from '@/lib/server/http/route';
import { panelData } from '@/lib/server/metrics/panel-data';
import { userPrometheus } from '@/lib/server/metrics/user-prometheus';
import { nodeName, resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * One preset panel's series over a window, shaped for recharts, with the PromQL and window used.
 * Limited to the user's rights like the PromQL box: the series of namespaces they may list pods
 * in, node-wide series only if they may list nodes. The Prometheus URL is server configuration;
 * unknown query keys (a `url`, a `target`) are refused with 400.
 */
export const GET = route(
  {
    params: z.object({ panel: z.enum(PANEL_IDS) }),
    query: z.strictObject({ ...windowFields, node: nodeName.optional() }),
  },
  async (ctx) => {
    const { params, query } = ctx;
    const panel = panelById(params.panel)!;
    const w = resolveWindow(query);
    const prom = await userPrometheus(ctx);
    return { id: panel.id, ...(await panelData(panel.queries({ node: query.node, step: w.step }), w, prom)) };
  },
);
