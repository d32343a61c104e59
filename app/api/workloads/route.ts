import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';
import { namespaceName } from '@/lib/server/http/params';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  namespace: namespaceName.optional(),
});

/**
 * Deployments, StatefulSets and DaemonSets as WorkloadRows, those the user may list; with
 * `namespace`, that namespace's (an empty list where it holds none, 403 where the user may list
 * none of the three kinds).
 */
export const GET = route({ query }, async (ctx) =>
  userView(ctx, syncedCache().views.workloads, undefined, ctx.query.namespace),
);
