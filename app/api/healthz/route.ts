import { z } from 'zod';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Liveness probe: the process answers. Deliberately says nothing about the cluster — this and
 * /api/readyz are the only routes that will stay reachable without login.
 */
export const GET = route({ query: z.strictObject({}) }, async () => ({ status: 'ok' }));
