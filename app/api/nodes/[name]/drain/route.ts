import { z } from 'zod';
import { drainPods, readDrainPreview } from '@/lib/server/nodes/node-drain';
import { namespaceName, nodeParams, objectName } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

const pod = z.strictObject({
  namespace: namespaceName,
  name: objectName,
  uid: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-zA-Z0-9-]+$/, 'not a valid uid'),
});
const body = z.strictObject({
  pods: z.array(pod).min(1, 'name at least one pod to evict').max(50, 'at most 50 pods per request'),
  evictLocalStorage: z.boolean('evictLocalStorage must be true or false'),
  evictUnmanaged: z.boolean('evictUnmanaged must be true or false'),
});

/** The drain preview: each pod's fate, its budgets, and where its replacement could go. Changes nothing. */
export const GET = route({ params: nodeParams }, async (ctx) => ({
  preview: await readDrainPreview(ctx.kube(), ctx.params.name, ctx.signal),
}));

/**
 * Drains (part of) the node with the user's credentials: cordon if not yet, then one eviction per
 * pod (policy/v1, so PodDisruptionBudgets are honoured). Answers a result per pod; the browser
 * sends the pods a few at a time to show progress, and stops sending when the operator leaves.
 */
export const POST = route({ params: nodeParams, body }, async (ctx) => {
  const { pods, ...consent } = ctx.body;
  return drainPods(ctx, ctx.params.name, pods, consent, ctx.signal);
});
