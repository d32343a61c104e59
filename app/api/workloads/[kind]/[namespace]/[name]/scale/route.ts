import { z } from 'zod';
import { MAX_REPLICAS, replicasRange } from '@/lib/replicas';
import { panelFieldManager } from '@/lib/field-manager/field-manager';
import { audited } from '@/lib/server/audit/record';
import { workloadParams } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { kubeRequest, resourcePath } from '@/lib/server/kube/transport';
import { syncedCache } from '@/lib/server/views/views-api';
import { RESOURCES, WORKLOAD_KIND_OF as KINDS, apiVersionOf } from '@/lib/kube-resources';

export const dynamic = 'force-dynamic';

const params = workloadParams(
  ['deployments', 'statefulsets'],
  'only deployments and statefulsets scale (a DaemonSet runs one pod per matching node)',
);
const body = z.strictObject({
  replicas: z
    .number('replicas must be a whole number')
    .int('replicas must be a whole number')
    .min(0, `replicas is ${replicasRange(0)}`)
    .max(MAX_REPLICAS, `replicas is ${replicasRange(0)}`),
});

/**
 * Sets a Deployment's or StatefulSet's size through its scale subresource, with the user's own
 * credentials (Kubernetes RBAC decides; its audit log names the user) — and records it.
 */
export const PATCH = route({ params, body }, async (ctx) => {
  const { kind, namespace, name } = ctx.params;
  const key = `${KINDS[kind]}/${namespace}/${name}`;
  const before = syncedCache().views.workloads.get(key);
  const target = { kind: KINDS[kind], apiVersion: apiVersionOf(RESOURCES[kind]), namespace, name };
  const replicas = ctx.body.replicas;
  const from = before?.desired ?? null;
  const message = from === null ? `scale to ${replicas} replicas` : `scale from ${from} to ${replicas} replicas`;
  const scale = await audited(ctx, { action: 'scale', target, details: { from, to: replicas }, message }, () =>
    kubeRequest<{ spec?: { replicas?: number }; status?: { replicas?: number } }>(
      ctx.kube(),
      resourcePath(RESOURCES[kind], { namespace, name, subresource: 'scale' }),
      {
        method: 'PATCH',
        contentType: 'application/merge-patch+json',
        fieldManager: panelFieldManager('scale'),
        body: { spec: { replicas } },
        signal: ctx.signal,
      },
    ),
  );
  return { kind: KINDS[kind], namespace, name, replicas: scale.spec?.replicas ?? replicas, from };
});
