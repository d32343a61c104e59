import { z } from 'zod';
import { YAML_KIND_NAMES, yamlResource } from '@/lib/object-yaml/kinds';
import { namespaceName, objectName } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { readObjectYaml } from '@/lib/server/objects/object-yaml';

export const dynamic = 'force-dynamic';

const query = z
  .strictObject({
    kind: z.enum(YAML_KIND_NAMES, `kind must be one of ${YAML_KIND_NAMES.join(', ')}`),
    namespace: namespaceName.optional(),
    name: objectName,
  })
  .superRefine((q, ctx) => {
    const namespaced = yamlResource(q.kind).namespaced;
    if (namespaced && q.namespace === undefined)
      ctx.addIssue({ code: 'custom', path: ['namespace'], message: `a ${q.kind} lives in a namespace: name it` });
    if (!namespaced && q.namespace !== undefined)
      ctx.addIssue({ code: 'custom', path: ['namespace'], message: `a ${q.kind} is cluster-scoped: leave it out` });
  });

/**
 * One object as read-only YAML, read with the user's own credentials (Kubernetes answers 403 or
 * 404 itself): `?kind=Deployment&namespace=ns&name=web`, or `?kind=Node&name=n1` for a
 * cluster-scoped kind. A query rather than path segments: a cluster-scoped kind has no namespace.
 * managedFields come apart as field managers; a Secret's values are never sent (keys and sizes).
 */
export const GET = route({ query }, (ctx) => readObjectYaml(ctx.kube(), ctx.query, ctx.signal));
