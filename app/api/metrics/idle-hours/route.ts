import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { idleHours } from '@/lib/server/metrics/idle-hours';
import { userPrometheus } from '@/lib/server/metrics/user-prometheus';
import { resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * Idle GPU-hours by namespace and by workload over the window (`range` or `start`/`end`):
 * GPU units requested by Running pods (kube-state-metrics) × the share of their DCGM units under
 * `threshold` %. Limited to the namespaces the user may list pods in (userPrometheus).
 */
export const GET = route(
  { query: z.strictObject({ ...windowFields, threshold: z.coerce.number().min(0).max(100).default(10) }) },
  async (ctx) => idleHours(resolveWindow(ctx.query), ctx.query.threshold, await userPrometheus(ctx)),
);
