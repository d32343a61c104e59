import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { DEFAULT_SETTINGS, deploySettingsSchema, type DeploySettings } from '../../deploy/settings';
import type { KubeObj } from '../../deploy/transform';
import { KubeError } from '../kube/errors';
import { RESOURCES } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';

export const SETTINGS_NAME = 'imagepod-deploy-settings';
export const STACK_NAMESPACE = 'imagepod';

/** The settings as a ConfigMap, deployed with stage 1: the cluster remembers what was deployed. */
export function settingsConfigMap(s: DeploySettings): KubeObj {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: SETTINGS_NAME,
      namespace: STACK_NAMESPACE,
      labels: {
        'app.kubernetes.io/part-of': 'imagepod',
        'app.kubernetes.io/managed-by': 'imagepod-dashboard',
        'imagepod.io/stage': '1-namespace',
      },
    },
    data: { 'settings.json': `${JSON.stringify(s, null, 2)}\n` },
  };
}

/** The last deployed settings (read with the user's credentials), or the bundle's defaults. */
export async function readSettings(
  kc: KubeConfig,
  signal?: AbortSignal,
): Promise<{ settings: DeploySettings; stored: boolean }> {
  try {
    const cm = await kubeRequest<{ data?: Record<string, string> }>(
      kc,
      resourcePath(RESOURCES.configmaps, { namespace: STACK_NAMESPACE, name: SETTINGS_NAME }),
      { signal },
    );
    const parsed = deploySettingsSchema.safeParse(JSON.parse(cm.data?.['settings.json'] ?? 'null'));
    return parsed.success ? { settings: parsed.data, stored: true } : { settings: DEFAULT_SETTINGS, stored: false };
  } catch (e) {
    if (e instanceof KubeError && e.code === 'NOT_FOUND') return { settings: DEFAULT_SETTINGS, stored: false };
    if (e instanceof SyntaxError) return { settings: DEFAULT_SETTINGS, stored: false };
    throw e;
  }
}
