import { z } from 'zod';
import { allowsNamespace } from '@/lib/view-scope';
import type { Node, Workload } from '@/lib/kube-types';
import { applyLabelEdits, planLabelEdits } from '@/lib/label-validation';
import { placementPreview } from '@/lib/placement';
import { viewScopeFor } from '@/lib/server/views/view-access';
import { HttpError } from '@/lib/server/errors/http-error';
import { labelEditsBody, objectName } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

const body = z.strictObject({
  nodes: z.array(objectName).min(1, 'select at least one node').max(100, 'at most 100 nodes at once'),
  edits: labelEditsBody,
});

/**
 * What label edits would do, without doing it: per node, each label's change and the DaemonSets
 * (those the user may list) that would start or stop a pod there. Answers each node's
 * resourceVersion: applying sends it back, so the edit lands only on the node that was previewed.
 */
export const POST = route({ body }, async (ctx) => {
  const { nodes: names, edits } = ctx.body;
  const cache = syncedCache();
  await viewScopeFor(ctx.session, cache, 'nodes', ctx.signal);
  const before = names.map((name, i) => {
    const n = cache.object<Node>('nodes', name);
    if (!n) throw new HttpError(404, 'NOT_FOUND', `node "${name}" not found`, `nodes.${i}`);
    return n;
  });
  const after = before.map((n) => ({
    ...n,
    metadata: { ...n.metadata, labels: applyLabelEdits(n.metadata.labels, edits) },
  }));
  const scope = await viewScopeFor(ctx.session, cache, 'workloads', ctx.signal).catch((e: unknown) => {
    if (e instanceof HttpError && e.status === 403) return null;
    throw e;
  });
  const all = cache.objects<Workload>('daemonsets');
  const daemonSets = all.filter(
    (ds) => scope && allowsNamespace(scope.workloads.DaemonSet, ds.metadata.namespace ?? ''),
  );
  const placement = new Map(placementPreview(before, after, daemonSets).map((p) => [p.node, p.changes]));
  const plans = new Map(planLabelEdits(before, edits).map((p) => [p.node, p.changes]));
  return {
    nodes: before.map((n) => ({
      name: n.metadata.name,
      resourceVersion: n.metadata.resourceVersion ?? '',
      labels: n.metadata.labels ?? {},
      changes: plans.get(n.metadata.name) ?? [],
      placement: placement.get(n.metadata.name) ?? [],
    })),
    /** DaemonSets left out because the user may not list them. */
    hiddenDaemonSets: all.length - daemonSets.length,
  };
});
