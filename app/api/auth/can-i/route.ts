import { z } from 'zod';
import { canI } from '@/lib/server/auth/access-review';
import { route } from '@/lib/server/http/route';
import { namespaceName, objectName } from '@/lib/server/http/params';

export const dynamic = 'force-dynamic';

const check = z.strictObject({
  verb: z.enum(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']),
  group: z
    .string()
    .max(253)
    .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?)?$/)
    .default(''),
  resource: z
    .string()
    .min(1)
    .max(63)
    .regex(/^[a-z0-9]+$/),
  subresource: z
    .string()
    .max(63)
    .regex(/^[a-z0-9]+$/)
    .optional(),
  namespace: namespaceName.optional(),
  name: objectName.optional(),
});

/**
 * Asks Kubernetes, with the user's own credentials, whether they may do each of up to 50 things
 * (SelfSubjectAccessReview). The UI uses it to hide or disable what the user may not do and say
 * why; the API server still decides every real request.
 */
export const POST = route(
  { body: z.strictObject({ checks: z.array(check).min(1).max(50) }) },
  async ({ session, body, signal }) => {
    const results = await Promise.all(body.checks.map((c) => canI(session, c, signal)));
    return { results: results.map((r, i) => ({ ...body.checks[i], allowed: r.allowed, reason: r.reason ?? null })) };
  },
);
