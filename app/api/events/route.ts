import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';
import { namespaceName } from '@/lib/server/http/params';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  type: z.enum(['Normal', 'Warning']).optional(),
  namespace: namespaceName.optional(),
});

/** Events as EventRows, those the user may list (the API server keeps them about an hour). */
export const GET = route({ query }, async (ctx) => {
  const { type, namespace } = ctx.query;
  return userView(ctx, syncedCache().views.events, type ? (e) => e.type === type : undefined, namespace);
});
