'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeployRun } from '../../deploy/run-types';
import type { DeployChoices } from '../../deploy/preview-types';
import type { DeploySettings } from '../../deploy/settings';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

/** Starts a deploy; its progress arrives through useDeployRun. */
export function useStartDeploy() {
  return useMutation<{ run: DeployRun }, ApiError, { settings: DeploySettings } & DeployChoices>({
    mutationFn: (body) => fetchJson('/api/deploy/runs', { method: 'POST', body: JSON.stringify(body) }),
  });
}
