'use client';

import { DEFAULT_SETTINGS, splitLabel } from '../../deploy/settings';
import { useDeploySettings } from './deploy-settings-query';

/**
 * The node label the GPU DaemonSets select, as last deployed (the labelling form's preset), or the
 * bundle's own while the settings are loading or unreadable.
 */
export function useGpuWorkerLabel(): { key: string; value: string } {
  const q = useDeploySettings();
  const [key, value] = splitLabel(q.data?.settings.gpuNodeLabel ?? DEFAULT_SETTINGS.gpuNodeLabel);
  return { key, value };
}
