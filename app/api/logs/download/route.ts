import { Readable } from 'node:stream';
import { logDownloadSchema } from '@/lib/logs/options';
import { route } from '@/lib/server/http/route';
import { podContainers } from '@/lib/server/logs/pod-containers';
import { openPodLog } from '@/lib/server/kube/transport';

export const dynamic = 'force-dynamic';

/**
 * The whole log of one pod's container as a file: the API server's answer is piped through as it
 * arrives (never held whole in memory), read with the user's own credentials.
 */
export const GET = route({ query: logDownloadSchema }, async (ctx) => {
  const q = ctx.query;
  const kc = ctx.kube();
  const [container] = await podContainers(kc, q.namespace, q.pod, q.container, ctx.signal);
  const upstream = await openPodLog(
    kc,
    q.namespace,
    q.pod,
    { container, previous: q.previous, timestamps: q.timestamps },
    ctx.signal,
  );
  const name = `${q.pod}_${container ?? 'log'}${q.previous ? '_previous' : ''}.log`;
  const body = upstream.body ? (Readable.toWeb(Readable.from(upstream.body)) as ReadableStream<Uint8Array>) : null;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
