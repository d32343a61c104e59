import { z } from 'zod';
import { allocationByNode } from '@/lib/gpu';
import { viewScopeFor, visibleFilter } from '@/lib/server/views/view-access';
import { HttpError } from '@/lib/server/errors/http-error';
import { nodeParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/**
 * One node (with its resourceVersion), the pods bound to it that the user may see, and its GPU allocation. The allocation
 * counts every pod on the node (it is the node's state, as the scheduler sees it).
 */
export const GET = route({ params: nodeParams, query: z.strictObject({}) }, async (ctx) => {
  const { name } = ctx.params;
  const cache = syncedCache();
  await viewScopeFor(ctx.session, cache, 'nodes', ctx.signal);
  const node = cache.views.nodes.get(name);
  if (!node) throw new HttpError(404, 'NOT_FOUND', `node "${name}" not found`, 'name');
  const onNode = cache.views.pods.list((p) => p.nodeName === name).items;
  const podScope = await viewScopeFor(ctx.session, cache, 'pods', ctx.signal).catch((e: unknown) => {
    if (e instanceof HttpError && e.status === 403) return null;
    throw e;
  });
  const visible = podScope ? onNode.filter(visibleFilter('pods', podScope)) : [];
  const gpu = allocationByNode([node], onNode).get(name) ?? [];
  // The resourceVersion of the same snapshot as `node`: edits of its taints send it back as a precondition.
  const resourceVersion = cache.object('nodes', name)?.metadata.resourceVersion ?? null;
  return { node, resourceVersion, pods: visible, gpu, health: cache.health() };
});
