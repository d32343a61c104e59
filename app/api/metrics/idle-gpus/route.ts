import { z } from 'zod';
import { unitActivity } from '@/lib/metrics/gpu-series';
import { findIdleGpus } from '@/lib/metrics/idle-gpus';
import { route } from '@/lib/server/http/route';
import { userPrometheus } from '@/lib/server/metrics/user-prometheus';
import { nodeName, resolveWindow, windowFields } from '@/lib/server/metrics/window-query';

export const dynamic = 'force-dynamic';

/**
 * "Allocated but idle": GPU units held by a pod (DCGM's pod label) — whole GPUs, MIG instances,
 * shared GPUs folded per physical GPU with every holder — whose activity stayed under `threshold`
 * % for at least `minSeconds` up to now, within the window. Limited to the GPUs held by pods of the
 * namespaces the user may list pods in (userPrometheus).
 */
export const GET = route(
  {
    query: z.strictObject({
      ...windowFields,
      node: nodeName.optional(),
      threshold: z.coerce.number().min(0).max(100).default(10),
      minSeconds: z.coerce
        .number()
        .int()
        .min(0)
        .max(31 * 86_400)
        .default(300),
    }),
  },
  async (ctx) => {
    const { query } = ctx;
    const w = resolveWindow(query);
    const prom = await userPrometheus(ctx);
    const { series } = await prom.range(unitActivity('pod!=""', query.node ? `node="${query.node}"` : undefined), w);
    // A series whose last sample is older than this belongs to a pod that has released the GPU.
    const staleSeconds = Math.max(2 * w.step, 60);
    return {
      ...w,
      threshold: query.threshold,
      minSeconds: query.minSeconds,
      items: findIdleGpus(series, {
        threshold: query.threshold,
        minSeconds: query.minSeconds,
        end: w.end,
        staleSeconds,
      }),
    };
  },
);
