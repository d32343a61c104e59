import { z } from 'zod';
import { allocationByNode } from '@/lib/gpu';
import { ApiError } from '@/lib/server/http/api-error';
import { route } from '@/lib/server/http/route';
import { syncedCache } from '@/lib/server/kube/views-api';

export const dynamic = 'force-dynamic';

const params = z.object({ name: z.string().min(1).max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a valid node name') });

/** One node, the pods bound to it and its GPU allocation. */
export const GET = route({ params, query: z.strictObject({}) }, async ({ params: { name } }) => {
  const cache = syncedCache();
  const node = cache.views.nodes.get(name);
  if (!node) throw new ApiError(404, 'NOT_FOUND', `node "${name}" not found`, 'name');
  const pods = cache.views.pods.list((p) => p.nodeName === name).items;
  const gpu = allocationByNode([node], pods).get(name) ?? [];
  return { node, pods, gpu, health: cache.health() };
});
