import { buildGpuCluster } from '@/lib/gpu/model';
import type { GpuPod, ResourceClaim, ResourceSlice } from '@/lib/gpu/dra-types';
import { whereCanThisRun } from '@/lib/gpu/where';
import { whereRequestSchema } from '@/lib/gpu/where-request';
import type { Node } from '@/lib/kube-types';
import { HttpError } from '@/lib/server/errors/http-error';
import { route } from '@/lib/server/http/route';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/**
 * "Where can this run?" answered on the server from the watch cache's objects, with the same model
 * and rules the GPU page uses in the browser: per node, fits now or every reason it does not.
 * The answer names nodes and free counts only (no pods), so every signed-in user may ask.
 */
export const POST = route({ body: whereRequestSchema, maxBodyBytes: 16 * 1024 }, async (ctx) => {
  const cache = syncedCache();
  const model = buildGpuCluster({
    nodes: cache.objects<Node>('nodes'),
    pods: cache.objects<GpuPod>('pods'),
    // Empty where the cluster does not serve resource.k8s.io/v1.
    slices: cache.objects<ResourceSlice>('resourceslices'),
    claims: cache.objects<ResourceClaim>('resourceclaims'),
  });
  const answer = whereCanThisRun(model.nodes, ctx.body);
  if (!answer.ok) throw new HttpError(400, 'BAD_REQUEST', answer.error, 'selector');
  return { nodes: answer.nodes };
});
