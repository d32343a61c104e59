import 'server-only';
import { panelFieldManager } from '../../field-manager/field-manager';
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObj } from '../../deploy/transform';
import { kubeRequest, objectPath } from '../kube/transport';

export const GENERATE_ANNOTATION = 'imagepod.io/generate';

/**
 * Fills the keys a bundled Secret lists in `imagepod.io/generate` that are missing or empty in the
 * cluster: 32 random bytes each, base64url. Never touches a key that has a value, so a redeploy
 * never rotates a password. A JSON merge patch with a resourceVersion precondition (a concurrent
 * writer gets a 409, not a lost value), under its own field manager: the bundle's apply never
 * lists data, so it never removes these keys. Returns the names (never the values) it generated.
 */
export async function fillSecret(kc: KubeConfig, bundled: KubeObj, signal?: AbortSignal): Promise<string[]> {
  const keys = (bundled.metadata.annotations?.[GENERATE_ANNOTATION] ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) return [];
  const live = await kubeRequest<{ data?: Record<string, string>; metadata: { resourceVersion: string } }>(
    kc,
    objectPath(bundled),
    { signal },
  );
  const missing = keys.filter((k) => !live.data?.[k]);
  if (missing.length === 0) return [];
  const data = Object.fromEntries(
    missing.map((k) => [k, Buffer.from(randomBytes(32).toString('base64url')).toString('base64')]),
  );
  await kubeRequest(kc, objectPath(bundled), {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    body: { metadata: { resourceVersion: live.metadata.resourceVersion }, data },
    fieldManager: panelFieldManager('secrets'),
    signal,
  });
  return missing;
}
