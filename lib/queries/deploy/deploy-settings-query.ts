'use client';

import { useQuery } from '../use-query';
import type { DeploySettings } from '../../deploy/settings';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { deployKeys } from './keys';

/** The settings of the last deploy (or the bundle's defaults). */
export function useDeploySettings() {
  return useQuery<{ settings: DeploySettings; stored: boolean }, ApiError>({
    queryKey: deployKeys.settings,
    queryFn: ({ signal }) => fetchJson('/api/deploy/settings', { signal }),
    staleTime: Infinity,
  });
}
