import { NextResponse } from 'next/server';
import { z } from 'zod';
import { publicRoute } from '@/lib/server/http/route';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';

export const dynamic = 'force-dynamic';

/**
 * Readiness probe: 200 once the watch cache has completed its first LIST of every resource
 * (pages then show the cluster, not an error), 503 before. Stays 200 while the cache reconnects
 * later: it serves the last known state meanwhile. Unauthenticated, so it exposes nothing —
 * no error message, no counts, no server address (those are on /api/health).
 */
export const GET = publicRoute({ query: z.strictObject({}) }, async ({ requestId }) => {
  const headers = { 'Cache-Control': 'no-store', 'X-Request-Id': requestId };
  if (getClusterCache().everSynced()) return NextResponse.json({ status: 'ready' }, { headers });
  return NextResponse.json({ status: 'not ready' }, { status: 503, headers });
});
