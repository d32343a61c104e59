import { describe, expect, it } from 'vitest';
import type { Pod } from './kube-types';
import { podStatus } from './pod-status';

const pod = (status: Pod['status'], extra: Partial<Pod['metadata']> = {}, init = 0): Pod => ({
  metadata: { name: 'p', uid: 'u', ...extra },
  spec: { containers: [{ name: 'a' }], initContainers: Array.from({ length: init }, (_, i) => ({ name: `i${i}` })) },
  status,
});

describe('podStatus (kubectl STATUS column)', () => {
  it.each<[string, Pod, string]>([
    [
      'running',
      pod({
        phase: 'Running',
        containerStatuses: [{ name: 'a', ready: true, restartCount: 0, state: { running: {} } }],
      }),
      'Running',
    ],
    ['pending', pod({ phase: 'Pending' }), 'Pending'],
    [
      'waiting reason wins',
      pod({
        phase: 'Pending',
        containerStatuses: [
          { name: 'a', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      }),
      'CrashLoopBackOff',
    ],
    [
      'terminated reason',
      pod({
        phase: 'Failed',
        containerStatuses: [
          { name: 'a', ready: false, restartCount: 0, state: { terminated: { reason: 'OOMKilled', exitCode: 137 } } },
        ],
      }),
      'OOMKilled',
    ],
    [
      'exit code without reason',
      pod({
        phase: 'Failed',
        containerStatuses: [{ name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }],
      }),
      'ExitCode:2',
    ],
    [
      'init progress',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'i0', ready: false, restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } },
          ],
        },
        {},
        2,
      ),
      'Init:0/2',
    ],
    [
      'init crash',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [
            { name: 'i0', ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
          ],
        },
        {},
        1,
      ),
      'Init:CrashLoopBackOff',
    ],
    ['terminating', pod({ phase: 'Running' }, { deletionTimestamp: '2026-01-01T00:00:00Z' }), 'Terminating'],
    ['pod reason (evicted)', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted'],
  ])('%s', (_, p, want) => expect(podStatus(p)).toBe(want));
});
