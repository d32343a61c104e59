import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/kube/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  namespace: z.string().max(63).regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a valid namespace name').optional(),
});

/** Deployments, StatefulSets and DaemonSets as WorkloadRows, those the user may list. */
export const GET = route({ query }, async (ctx) =>
  userView(ctx, syncedCache().views.workloads, ctx.query.namespace ? (w) => w.namespace === ctx.query.namespace : undefined));
