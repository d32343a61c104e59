import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { Pod } from '../../kube-types';
import { HttpError } from '../errors/http-error';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';

/**
 * The containers whose log to read, checked with the user's credentials: the pod must exist and
 * be readable (the API server's 404/403), and a named container must be one of the pod's.
 */
export async function podContainers(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  container: string | undefined,
  signal: AbortSignal,
): Promise<string[]> {
  const p = await kubeRequest<Pod>(kc, resourcePath(RESOURCES.pods, { namespace, name: pod }), {
    signal,
    timeoutMs: 15_000,
  });
  const names = [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])].map((c) => c.name);
  if (!container) return (p.spec?.containers ?? []).map((c) => c.name);
  if (!names.includes(container)) {
    throw new HttpError(
      404,
      'NOT_FOUND',
      `container: pod ${pod} has no container ${container} (it has ${names.join(', ') || 'none'})`,
      'container',
    );
  }
  return [container];
}
