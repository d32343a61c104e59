import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { HttpError } from '../errors/http-error';
import { getKubeConfig } from '../kube/config';
import { KubeError } from '../kube/errors';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';
import type { Session, SessionUser } from './session';

/**
 * The KubeConfig a user's request runs with: the panel's cluster (address and CA) and the user's
 * own bearer token — never the panel's credentials. In local mode the user *is* the kubeconfig's
 * identity (the person who started the panel on their machine), so it is the panel's KubeConfig.
 */
export function userKubeConfig(s: Session): KubeConfig {
  const panel = getKubeConfig();
  if (s.mode === 'local') return panel;
  if (!s.token) throw new HttpError(401, 'UNAUTHENTICATED', 'The session carries no credentials; sign in again');
  return tokenKubeConfig(s.token);
}

export function tokenKubeConfig(token: string): KubeConfig {
  const cluster = getKubeConfig().getCurrentCluster();
  if (!cluster) throw new HttpError(503, 'UNAVAILABLE', 'The panel has no cluster configured');
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'cluster',
        server: cluster.server,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
        tlsServerName: cluster.tlsServerName,
      },
    ],
    users: [{ name: 'user', token }],
    contexts: [{ name: 'user', cluster: 'cluster', user: 'user' }],
    currentContext: 'user',
  });
  return kc;
}

interface SelfSubjectReview {
  status?: { userInfo?: { username?: string; uid?: string; groups?: string[] } };
}

/**
 * Who the API server says these credentials belong to (SelfSubjectReview: needs no right of
 * the panel's and works for every authenticator the cluster has — service-account tokens, OIDC,
 * client certificates). A token the cluster does not accept is a 401 with a plain reason.
 */
export async function whoAmI(kc: KubeConfig, signal?: AbortSignal): Promise<SessionUser> {
  let review: SelfSubjectReview;
  try {
    review = await kubeRequest<SelfSubjectReview>(kc, resourcePath(RESOURCES.selfsubjectreviews), {
      method: 'POST',
      fieldManager: null, // a review: nothing is stored
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      signal,
      timeoutMs: 10_000,
    });
  } catch (e) {
    if (e instanceof KubeError && e.upstreamStatus === 401) {
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        'The Kubernetes API server did not accept this token (expired, revoked, or issued by another cluster)',
      );
    }
    throw e;
  }
  const info = review.status?.userInfo;
  if (!info?.username)
    throw new HttpError(401, 'UNAUTHENTICATED', 'The Kubernetes API server did not name a user for this token');
  if (info.username === 'system:anonymous')
    throw new HttpError(401, 'UNAUTHENTICATED', 'The API server treats this token as anonymous');
  return { username: info.username, uid: info.uid, groups: info.groups ?? [] };
}
