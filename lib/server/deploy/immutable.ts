import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { DeploySettings } from '../../deploy/settings';
import { parseQuantity } from '../../quantity';
import { HttpError } from '../errors/http-error';
import { KubeError } from '../kube/errors';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';
import { STACK_NAMESPACE } from './settings-store';

/**
 * Settings Kubernetes will not let a deploy change on a running stack, refused up front (422 with
 * the field) instead of half-way: a StatefulSet's volumeClaimTemplates are immutable, so the
 * PostgreSQL storage size is fixed once the StatefulSet exists.
 */
export async function assertChangeable(kc: KubeConfig, s: DeploySettings, signal?: AbortSignal): Promise<void> {
  let sts: { spec?: { volumeClaimTemplates?: { spec?: { resources?: { requests?: { storage?: string } } } }[] } };
  try {
    sts = await kubeRequest(
      kc,
      resourcePath(RESOURCES.statefulsets, { namespace: STACK_NAMESPACE, name: 'postgres' }),
      { signal },
    );
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return;
    throw e;
  }
  const current = sts.spec?.volumeClaimTemplates?.[0]?.spec?.resources?.requests?.storage;
  if (current && parseQuantity(current) !== parseQuantity(s.postgresStorage)) {
    throw new HttpError(
      422,
      'INVALID',
      `settings.postgresStorage: PostgreSQL was deployed with ${current}; Kubernetes does not allow changing a StatefulSet's volume claim template — keep ${current} (to grow the volume, resize the claim postgres-storage-postgres-0 itself if its storage class allows expansion)`,
      'settings.postgresStorage',
    );
  }
}
