'use client';

import { useMutation } from '@tanstack/react-query';
import type { DeployChoices, DeployPreview } from '../../deploy/preview-types';
import type { DeploySettings } from '../../deploy/settings';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { silent } from '../mutation-feedback';

/** What a deploy with these settings would change (server-side dry run). */
export function usePreview() {
  return useMutation<DeployPreview, ApiError, { settings: DeploySettings } & DeployChoices>({
    mutationFn: (body) => fetchJson('/api/deploy/preview', { method: 'POST', body: JSON.stringify(body) }),
    meta: silent('a dry run: the deploy page shows its answer or its error in place'),
  });
}
