import 'server-only';
import { canI } from '../auth/access-review';
import type { Session } from '../auth/session';
import { HttpError } from '../errors/http-error';
import { RUN_NAME } from './run-record';
import { STACK_NAMESPACE } from './settings-store';

/**
 * Who may see deploy runs (their objects, states and messages): whoever Kubernetes lets read the
 * run record, the ConfigMap imagepod-deploy-run in the bundle's namespace (run-record.ts) — the
 * panel reads it with the viewer's own credentials. `view` and up in the namespace (or
 * cluster-wide) has it, a user of another namespace has not, and an operator can grant exactly
 * this with `resourceNames`. A message when it is missing.
 */
export async function deployRightsGone(s: Session, signal?: AbortSignal): Promise<string | null> {
  const d = await canI(s, { verb: 'get', resource: 'configmaps', namespace: STACK_NAMESPACE, name: RUN_NAME }, signal);
  return d.allowed
    ? null
    : `Kubernetes does not allow ${s.user.username} to read the deploy runs (ConfigMap ${RUN_NAME} in ${STACK_NAMESPACE}), so they are not shown`;
}

/** Throws 403 unless the user may see deploy runs (see deployRightsGone). */
export async function assertMaySeeDeploys(s: Session, signal?: AbortSignal): Promise<void> {
  const gone = await deployRightsGone(s, signal);
  if (gone) throw new HttpError(403, 'FORBIDDEN', gone);
}
