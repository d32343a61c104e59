'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeployRun } from '../../deploy/run-types';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { feedback } from '../mutation-feedback';

/** Resumes an interrupted run (its id) on this replica; progress arrives through useDeployRun. */
export function useResumeRun() {
  return useMutation<{ run: DeployRun }, ApiError, { id: string }>({
    mutationFn: (body) => fetchJson('/api/deploy/runs/resume', { method: 'POST', body: JSON.stringify(body) }),
    meta: feedback<{ run: DeployRun }, unknown>({
      action: () => 'Resume the interrupted run',
      success: () => ({
        title: 'Run resumed',
        description: 'It goes on from the stage it had reached.',
        href: '/deploy',
      }),
    }),
  });
}
