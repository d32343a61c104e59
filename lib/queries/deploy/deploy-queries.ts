'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DeployPreview } from '../../deploy/preview-types';
import type { DeployRun } from '../../deploy/run-types';
import { DEFAULT_SETTINGS, splitLabel, type DeploySettings } from '../../deploy/settings';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';

export const deployKeys = { settings: ['deploy', 'settings'] as const };

/** The settings of the last deploy (or the bundle's defaults). */
export function useDeploySettings() {
  return useQuery<{ settings: DeploySettings; stored: boolean }, ApiError>({
    queryKey: deployKeys.settings,
    queryFn: ({ signal }) => fetchJson('/api/deploy/settings', { signal }),
    staleTime: Infinity,
  });
}

export function usePreview() {
  return useMutation<DeployPreview, ApiError, { settings: DeploySettings; takeOwnership: string[] }>({
    mutationFn: (body) => fetchJson('/api/deploy/preview', { method: 'POST', body: JSON.stringify(body) }),
  });
}

export function useStartDeploy() {
  return useMutation<{ run: DeployRun }, ApiError, { settings: DeploySettings; takeOwnership: string[] }>({
    mutationFn: (body) => fetchJson('/api/deploy/runs', { method: 'POST', body: JSON.stringify(body) }),
  });
}

export function useUndeploy() {
  return useMutation<{ run: DeployRun }, ApiError, { confirm: string; removeVolumes: boolean; removeSecrets: boolean }>({
    mutationFn: (body) => fetchJson('/api/deploy/undeploy', { method: 'POST', body: JSON.stringify(body) }),
  });
}

/**
 * The server's current (or last) deploy/undeploy, live over SSE. The run lives on the server:
 * reopening the page shows where it is.
 */
export function useDeployRun(): { run: DeployRun | null; connected: boolean } {
  const [run, setRun] = useState<DeployRun | null>(null);
  const [connected, setConnected] = useState(false);
  const qc = useQueryClient();
  useEffect(() => {
    const es = new EventSource('/api/deploy/runs/stream');
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('run', (e: MessageEvent<string>) => {
      try {
        const next = JSON.parse(e.data) as DeployRun | null;
        setRun(next);
        // A finished deploy has stored its settings: the form shows them as "last deployed".
        if (next && next.state !== 'running') void qc.invalidateQueries({ queryKey: deployKeys.settings });
      } catch {
        console.warn('deploy stream: malformed run event');
      }
    });
    return () => es.close();
  }, [qc]);
  return { run, connected };
}

/**
 * The node label the GPU DaemonSets select, as last deployed (the labelling form's preset), or the
 * bundle's own while the settings are loading or unreadable.
 */
export function useGpuWorkerLabel(): { key: string; value: string } {
  const q = useDeploySettings();
  const [key, value] = splitLabel(q.data?.settings.gpuNodeLabel ?? DEFAULT_SETTINGS.gpuNodeLabel);
  return { key, value };
}
