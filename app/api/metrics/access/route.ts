import { z } from 'zod';
import { scopeMatcher } from '@/lib/metrics/promql-scope';
import { route } from '@/lib/server/http/route';
import { metricsAccess } from '@/lib/server/metrics/user-prometheus';

export const dynamic = 'force-dynamic';

/**
 * Which series the signed-in user may read, as Kubernetes says (list nodes; list pods, per
 * namespace or everywhere), and the matcher every query of theirs gets (null: none). A user who
 * may read nothing gets 200 with no namespaces, so the page can say why its charts are empty.
 */
export const GET = route({ query: z.strictObject({}) }, async ({ session, signal }) => {
  const access = await metricsAccess(session, signal);
  const readsNothing = !access.nodes && access.namespaces !== 'all' && access.namespaces.length === 0;
  return { ...access, matcher: readsNothing ? null : scopeMatcher(access), readsNothing };
});
