import { NextResponse } from 'next/server';
import { z } from 'zod';
import { publicRoute } from '@/lib/server/http/route';
import { getClusterCache } from '@/lib/server/kube/cluster-cache';
import { isReady, readyGraceMs } from '@/lib/server/kube/readiness';

export const dynamic = 'force-dynamic';

/**
 * Readiness probe: 200 once the watch cache has completed its first LIST of every resource and
 * while it is synced — or out of sync for no longer than IMAGEPOD_READY_GRACE_S (30 s; a brief
 * reconnect must not drop every replica from the Service at once) — 503 otherwise: a replica whose
 * cache lost the API server stops getting traffic while another one still shows the cluster.
 * Unauthenticated, so it exposes nothing — no error message, no counts, no server address (those
 * are on /api/health).
 */
export const GET = publicRoute({ query: z.strictObject({}) }, async ({ requestId }) => {
  const headers = { 'Cache-Control': 'no-store', 'X-Request-Id': requestId };
  const cache = getClusterCache();
  if (isReady({ everSynced: cache.everSynced(), unsyncedSince: cache.unsyncedSince() }, Date.now(), readyGraceMs()))
    return NextResponse.json({ status: 'ready' }, { headers });
  return NextResponse.json({ status: 'not ready' }, { status: 503, headers });
});
