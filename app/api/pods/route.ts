import { z } from 'zod';
import { matchesSelector, parseSelector } from '@/lib/label-selector';
import { HttpError } from '@/lib/server/errors/http-error';
import { route } from '@/lib/server/http/route';
import { syncedCache, userView } from '@/lib/server/views/views-api';
import { namespaceName } from '@/lib/server/http/params';

export const dynamic = 'force-dynamic';

const query = z.strictObject({
  namespace: namespaceName.optional(),
  labelSelector: z.string().max(4096).optional(),
  node: z.string().max(253).optional(),
});

/**
 * Pods as PodRows, optionally filtered by namespace (403 where the user may not list pods),
 * label selector and node. The panel's own
 * pages fetch the whole view (so stream deltas apply) and filter in the browser.
 */
export const GET = route({ query }, async (ctx) => {
  const q = ctx.query;
  const parsed = parseSelector(q.labelSelector ?? '');
  if (!parsed.ok) throw new HttpError(400, 'BAD_REQUEST', `labelSelector: ${parsed.error}`, 'labelSelector');
  const filtered = q.node || parsed.selector.length > 0;
  return userView(
    ctx,
    syncedCache().views.pods,
    filtered ? (p) => (!q.node || p.nodeName === q.node) && matchesSelector(parsed.selector, p.labels) : undefined,
    q.namespace,
  );
});
