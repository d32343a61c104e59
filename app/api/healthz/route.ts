import { z } from 'zod';
import { publicRoute } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * Liveness probe: the process answers. Deliberately says nothing about the cluster — this,
 * /api/readyz and the sign-in routes are the only ones reachable without a session.
 */
export const GET = publicRoute({ query: z.strictObject({}) }, async () => ({ status: 'ok' }));
