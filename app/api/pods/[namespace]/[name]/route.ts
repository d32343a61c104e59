import { z } from 'zod';
import { foldEvents } from '@/lib/object-events';
import { ownerChain, toPodDetail, type PodWire } from '@/lib/pod-detail';
import type { KubeObject } from '@/lib/kube-types';
import { canI } from '@/lib/server/auth/access-review';
import { HttpError } from '@/lib/server/errors/http-error';
import { podParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { healthFor } from '@/lib/server/views/health-for';
import { syncedCache } from '@/lib/server/views/views-api';

export const dynamic = 'force-dynamic';

/**
 * One pod for its page, from the watch cache (no request to the API server beyond the access
 * reviews): its row as the pods view has it, the detail projection of the cached object, its owner
 * chain (a ReplicaSet resolved to its Deployment when the user may read ReplicaSets there, a Job
 * to its CronJob when they may read Jobs), and
 * its events folded (null when the user may not list events in the namespace). 403 when the user
 * may not get the pod — asked before looking, so a refusal says nothing about whether it exists —
 * and 404 when the cache has no such pod.
 */
export const GET = route({ params: podParams, query: z.strictObject({}) }, async (ctx) => {
  const { namespace, name } = ctx.params;
  const cache = syncedCache();
  const s = ctx.session;
  const may = (verb: string, resource: string, group = '') =>
    canI(s, { verb, group, resource, namespace }, ctx.signal).then((d) => d.allowed);
  if (!(await may('get', 'pods')))
    throw new HttpError(
      403,
      'FORBIDDEN',
      `Kubernetes does not allow ${s.user.username} to get pods in namespace ${namespace}`,
    );
  const key = `${namespace}/${name}`;
  const raw = cache.object<PodWire>('pods', key);
  const row = cache.views.pods.get(key);
  if (!raw || !row) throw new HttpError(404, 'NOT_FOUND', `pod "${key}" not found`, 'name');
  const owns = (kind: string) => raw.metadata.ownerReferences?.some((o) => o.kind === kind) ?? false;
  const [mayEvents, mayReplicaSets, mayJobs] = await Promise.all([
    may('list', 'events'),
    owns('ReplicaSet') ? may('get', 'replicasets', 'apps') : false,
    owns('Job') ? may('get', 'jobs', 'batch') : false,
  ]);
  const lookup = (kind: string, owner: string): KubeObject | undefined => {
    if (kind === 'ReplicaSet' && mayReplicaSets) return cache.object('replicasets', `${namespace}/${owner}`);
    if (kind === 'Job' && mayJobs) return cache.object('jobs', `${namespace}/${owner}`);
    return undefined;
  };
  const events = mayEvents
    ? foldEvents(cache.views.events.list((e) => e.namespace === namespace).items, { kind: 'Pod', name, namespace })
    : null;
  return {
    row,
    pod: toPodDetail(raw),
    owners: ownerChain(raw, lookup),
    events,
    health: await healthFor(s, cache, ctx.signal),
  };
});
