import { z } from 'zod';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/** All nodes as NodeRows, from the watch cache — for users Kubernetes lets list nodes. */
export const GET = route({ query: z.strictObject({}) }, async (ctx) => userView(ctx, syncedCache().views.nodes));
