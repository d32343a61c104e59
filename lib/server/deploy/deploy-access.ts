import 'server-only';
import { canI } from '../auth/access-review';
import type { Session } from '../auth/session';
import { HttpError } from '../errors/http-error';
import { SETTINGS_NAME, STACK_NAMESPACE } from './settings-store';

/**
 * Who may see deploy runs (their objects, states and messages): whoever Kubernetes lets read the
 * deployed settings, the ConfigMap imagepod-deploy-settings in the bundle's namespace. A run shows
 * what those settings made of that namespace, so the right to read them is the right to see it —
 * `view` and up in the namespace (or cluster-wide) has it, a user of another namespace has not,
 * and an operator can grant exactly this with `resourceNames`. A message when it is missing.
 */
export async function deployRightsGone(s: Session, signal?: AbortSignal): Promise<string | null> {
  const d = await canI(
    s,
    { verb: 'get', resource: 'configmaps', namespace: STACK_NAMESPACE, name: SETTINGS_NAME },
    signal,
  );
  return d.allowed
    ? null
    : `Kubernetes does not allow ${s.user.username} to read the deploy settings (ConfigMap ${SETTINGS_NAME} in ${STACK_NAMESPACE}), so deploy runs are not shown`;
}

/** Throws 403 unless the user may see deploy runs (see deployRightsGone). */
export async function assertMaySeeDeploys(s: Session, signal?: AbortSignal): Promise<void> {
  const gone = await deployRightsGone(s, signal);
  if (gone) throw new HttpError(403, 'FORBIDDEN', gone);
}
