import { z } from 'zod';
import { PANEL_IDS, panelById } from '@/lib/metrics/panels';
import { route } from '@/lib/server/http/route';
import { panelData } from '@/lib/server/metrics/panel-data';
import { nodeName, resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * One preset panel's series over a window, shaped for recharts, with the PromQL and window used.
 * Any signed-in user may read it: Prometheus data is not filtered per Kubernetes RBAC (a user who
 * may not list pods of a namespace still sees their GPU and CPU series here). The Prometheus URL
 * is server configuration; unknown query keys (a `url`, a `target`) are refused with 400.
 */
export const GET = route(
  {
    params: z.object({ panel: z.enum(PANEL_IDS) }),
    query: z.strictObject({ ...windowFields, node: nodeName.optional() }),
  },
  async ({ params, query, signal }) => {
    const panel = panelById(params.panel)!;
    const w = resolveWindow(query);
    return { id: panel.id, ...(await panelData(panel.queries({ node: query.node, step: w.step }), w, signal)) };
  },
);
