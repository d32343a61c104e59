'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeployRun } from '../../deploy/run-types';
import type { DeployChoices } from '../../deploy/preview-types';
import type { DeploySettings } from '../../deploy/settings';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

/** Starts a deploy; its progress arrives through useDeployRun. */
export function useStartDeploy() {
  return useMutation<{ run: DeployRun }, ApiError, { settings: DeploySettings } & DeployChoices>({
    mutationFn: (body) => fetchJson('/api/deploy/runs', { method: 'POST', body: JSON.stringify(body) }),
    meta: feedback<{ run: DeployRun }, unknown>({
      action: () => 'Start the deploy',
      success: () => ({
        title: 'Deploy started',
        description: 'Its stages show on the Deploy page as they run.',
        href: '/deploy',
      }),
    }),
  });
}
