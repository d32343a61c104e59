'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeployRun } from '../../deploy/run-types';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

/** Starts an undeploy (confirmed by name); its progress arrives through useDeployRun. */
export function useUndeploy() {
  return useMutation<{ run: DeployRun }, ApiError, { confirm: string; removeVolumes: boolean; removeSecrets: boolean }>(
    {
      mutationFn: (body) => fetchJson('/api/deploy/undeploy', { method: 'POST', body: JSON.stringify(body) }),
      meta: feedback<{ run: DeployRun }, unknown>({
        action: () => 'Start the undeploy',
        success: () => ({
          title: 'Undeploy started',
          description: 'Its progress shows on the Deploy page.',
          href: '/deploy',
        }),
      }),
    },
  );
}
