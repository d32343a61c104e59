'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeployRun } from '../../deploy/run-types';
import { useEventStream } from '../use-event-stream';
import { deployKeys } from './keys';

function isRun(v: unknown): v is DeployRun | null {
  return v === null || (typeof v === 'object' && typeof (v as { state?: unknown }).state === 'string');
}

/**
 * The server's current (or last) deploy/undeploy, live as the `deploy` subscription of the
 * shared stream. The run lives on the server: reopening the page shows where it is.
 */
export function useDeployRun(): { run: DeployRun | null; connected: boolean } {
  const [run, setRun] = useState<DeployRun | null>(null);
  const qc = useQueryClient();
  const { state } = useEventStream({ topic: 'deploy' }, 'deploy', (event, data) => {
    if (event !== 'run') return;
    if (!isRun(data)) return console.warn('deploy stream: malformed run event');
    setRun(data);
    // A finished deploy has stored its settings: the form shows them as "last deployed".
    if (data && data.state !== 'running') void qc.invalidateQueries({ queryKey: deployKeys.settings });
  });
  return { run, connected: state.status === 'open' };
}
