import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { namespaceName } from '@/lib/server/http/params';
import { syncedCache, userView } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({ namespace: namespaceName.optional() });

/** CronJobs as CronJobRows, those the user may list; with `namespace`, that namespace's (403 where they may not list CronJobs). */
export const GET = route({ query }, async (ctx) =>
  userView(ctx, syncedCache().views.cronjobs, undefined, ctx.query.namespace),
);
