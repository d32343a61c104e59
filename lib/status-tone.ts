/**
 * Which colour a status gets: green when healthy, amber while on its way, red when broken,
 * gray when finished or idle. Pure, so every table colours the same status the same way.
 */
import type { NodeRow, PodRow } from './views';
import type { RolloutState } from './rollout';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

const BAD_POD_REASONS = new Set([
  'Failed',
  'Error',
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'OOMKilled',
  'ContainerStatusUnknown',
  'Evicted',
  'Unknown',
  'NodeLost',
  'UnexpectedAdmissionError',
  'OutOfgpu',
  'OutOfcpu',
  'OutOfmemory',
]);

/** Tone of a pod's STATUS column. */
export function podTone(
  p: Pick<PodRow, 'status' | 'phase' | 'readyContainers' | 'totalContainers' | 'terminating'>,
): Tone {
  const s = p.status;
  if (p.terminating) return 'neutral';
  if (s === 'Completed' || s === 'Succeeded' || p.phase === 'Succeeded') return 'neutral';
  if (
    BAD_POD_REASONS.has(s) ||
    s.startsWith('Init:Error') ||
    s.startsWith('Init:CrashLoopBackOff') ||
    s.startsWith('ExitCode:') ||
    s.startsWith('Signal:') ||
    s.startsWith('Init:ExitCode:') ||
    s.startsWith('OutOf')
  ) {
    return 'bad';
  }
  if (s === 'Running') return p.readyContainers === p.totalContainers ? 'ok' : 'warn';
  return 'warn';
}

/** Tone of a node's status: Ready green, NotReady red, cordoned or unknown amber. */
export function nodeTone(n: Pick<NodeRow, 'ready' | 'unschedulable'>): Tone {
  if (n.ready === false) return 'bad';
  if (n.ready === null || n.unschedulable) return 'warn';
  return 'ok';
}

/** Tone of a rollout state badge. */
export function rolloutTone(r: Pick<RolloutState, 'state'>): Tone {
  switch (r.state) {
    case 'complete':
      return 'ok';
    case 'progressing':
      return 'warn';
    case 'paused':
      return 'neutral';
    case 'failed':
      return 'bad';
  }
}
