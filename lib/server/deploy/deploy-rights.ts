import 'server-only';
import type { KubeObj } from '../../deploy/transform';
import { resourceOf } from '../../kube-resources';
import { canI } from '../auth/access-review';
import type { Session } from '../auth/session';
import { recordAudit } from '../audit/record';
import { HttpError } from '../errors/http-error';
import { mapLimit } from '../map-limit';

/**
 * Refuses a deploy or undeploy before it starts when Kubernetes would refuse the user one of its
 * writes: server-side apply is a `patch` of every object, an undeploy a `delete` of every object it
 * removes. Asked per object by name (SelfSubjectAccessReviews with the user's credentials, cached
 * like every review), so rights narrowed with `resourceNames` are honoured. Without this a viewer's
 * click started a run that then failed object by object, and held the one-deploy-at-a-time slot.
 */
export async function assertMayWrite(
  who: { session: Session; user: { username: string; groups: string[] } },
  objects: readonly KubeObj[],
  action: 'deploy' | 'undeploy',
  signal?: AbortSignal,
): Promise<void> {
  const s = who.session;
  const verb = action === 'deploy' ? 'patch' : 'delete';
  const asks = objects.map((o) => {
    const t = resourceOf(o.apiVersion, o.kind);
    if (!t) throw new HttpError(500, 'INTERNAL', `the bundle holds a ${o.kind} the panel does not know`);
    return { kind: o.kind, plural: t.plural, group: t.group, namespace: o.metadata.namespace, name: o.metadata.name };
  });
  const answers = await mapLimit(asks, 16, (a) =>
    canI(s, { verb, group: a.group, resource: a.plural, namespace: a.namespace, name: a.name }, signal),
  );
  const denied = asks.filter((_, i) => !answers[i]!.allowed);
  if (denied.length === 0) return;
  const where = (a: (typeof asks)[number]) => `${a.plural}${a.namespace ? ` in ${a.namespace}` : ''}`;
  const missing = [...new Set(denied.map(where))];
  const message = `Kubernetes does not allow ${s.user.username} to ${verb} ${missing.slice(0, 4).join(', ')}${
    missing.length > 4 ? ` and ${missing.length - 4} more` : ''
  }; nothing was changed`;
  // Refused like any other write of the user's: the trail shows the attempt.
  await recordAudit({
    action,
    user: who.user.username,
    groups: who.user.groups,
    sessionId: s.sid,
    target: { kind: 'Namespace', name: 'imagepod' },
    result: 'denied',
    message: `${action} refused before it started — ${message}`,
  });
  throw new HttpError(403, 'FORBIDDEN', message);
}
