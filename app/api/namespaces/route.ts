import { z } from 'zod';
import type { NamespacesAnswer } from '@/lib/namespace-access';
import { route } from '@/lib/server/http/route';
import { readableNamespaces } from '@/lib/server/views/view-access';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/**
 * The namespaces the user may read — every namespace that exists, empty ones included, where
 * Kubernetes lets them list pods, events, workloads or claims — each with what they may list
 * there. 403 when there is none.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ session, signal }): Promise<NamespacesAnswer> => ({
  items: await readableNamespaces(session, syncedCache(), signal),
}));
