import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/** DRA DeviceClasses from the watch cache (empty where resource.k8s.io/v1 is not served; the health says so). */
export const GET = route({ query: z.strictObject({}) }, async (ctx) =>
  userView(ctx, syncedCache().views.deviceclasses),
);
