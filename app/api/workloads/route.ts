import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';
import { namespaceName } from '@/lib/server/http/params';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  namespace: namespaceName.optional(),
});

/** Deployments, StatefulSets and DaemonSets as WorkloadRows, those the user may list. */
export const GET = route({ query }, async (ctx) =>
  userView(
    ctx,
    syncedCache().views.workloads,
    ctx.query.namespace ? (w) => w.namespace === ctx.query.namespace : undefined,
  ),
);
