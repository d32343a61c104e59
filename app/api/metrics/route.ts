import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { HttpError } from '@/lib/server/errors/http-error';
import { publicRoute } from '@/lib/server/http/route';
import { panelMetrics } from '@/lib/server/telemetry/panel-metrics';

export const dynamic = 'force-dynamic';

function bearerMatches(header: string | null, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * The panel's own metrics in Prometheus' text format: for a signed-in user, or for a scraper
 * sending `Authorization: Bearer $IMAGEPOD_METRICS_TOKEN` (Prometheus cannot sign in). Without
 * either it answers 401 like every other route, so it needs no place on the public list.
 */
export const GET = publicRoute({ query: z.strictObject({}) }, async ({ session, req, requestId }) => {
  if (!session && !bearerMatches(req.headers.get('authorization'), process.env.IMAGEPOD_METRICS_TOKEN)) {
    throw new HttpError(401, 'UNAUTHENTICATED', 'Sign in first, or send the metrics bearer token');
  }
  const { registry } = panelMetrics();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store', 'X-Request-Id': requestId },
  });
});
