import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { namespaceName } from '@/lib/server/http/params';
import { syncedCache, userView } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const query = z.strictObject({ namespace: namespaceName.optional() });

/** Jobs as JobRows, those the user may list; with `namespace`, that namespace's (403 where they may not list Jobs). */
export const GET = route({ query }, async (ctx) =>
  userView(ctx, syncedCache().views.jobs, undefined, ctx.query.namespace),
);
