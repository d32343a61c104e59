import { describe, expect, it } from 'vitest';
import type { Workload } from './kube-types';
import { rolloutState } from './rollout';

const w = (spec: Workload['spec'], status: Workload['status'], generation = 2): Workload => ({
  metadata: { name: 'w', uid: 'u', generation },
  spec,
  status,
});

describe('rolloutState (as kubectl rollout status)', () => {
  it('waits for the controller to observe the generation', () => {
    expect(rolloutState('Deployment', w({ replicas: 2 }, { observedGeneration: 1 })).state).toBe('progressing');
  });
  it('deployment complete only when updated, no old replicas and all available', () => {
    expect(
      rolloutState(
        'Deployment',
        w({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }),
      ).state,
    ).toBe('complete');
    expect(
      rolloutState(
        'Deployment',
        w({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 2, availableReplicas: 2 }),
      ).message,
    ).toMatch(/1 of 2 new replicas/);
    expect(
      rolloutState(
        'Deployment',
        w({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 3, availableReplicas: 2 }),
      ).message,
    ).toMatch(/old replicas are pending termination/);
    expect(
      rolloutState(
        'Deployment',
        w({ replicas: 2 }, { observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 }),
      ).message,
    ).toMatch(/1 of 2 updated replicas are available/);
  });
  it('reports a paused and a failed deployment', () => {
    expect(rolloutState('Deployment', w({ replicas: 1, paused: true }, { observedGeneration: 2 })).state).toBe(
      'paused',
    );
    expect(
      rolloutState(
        'Deployment',
        w(
          { replicas: 1 },
          {
            observedGeneration: 2,
            conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
          },
        ),
      ).state,
    ).toBe('failed');
  });
  it('statefulset waits for ready replicas and the update revision', () => {
    expect(rolloutState('StatefulSet', w({ replicas: 1 }, { observedGeneration: 2, readyReplicas: 0 })).state).toBe(
      'progressing',
    );
    expect(
      rolloutState(
        'StatefulSet',
        w({ replicas: 1 }, { observedGeneration: 2, readyReplicas: 1, currentRevision: 'a', updateRevision: 'b' }),
      ).state,
    ).toBe('progressing');
    expect(
      rolloutState(
        'StatefulSet',
        w({ replicas: 1 }, { observedGeneration: 2, readyReplicas: 1, currentRevision: 'b', updateRevision: 'b' }),
      ).state,
    ).toBe('complete');
  });
  it('daemonset with no selected node is complete with a hint', () => {
    const r = rolloutState(
      'DaemonSet',
      w({}, { observedGeneration: 2, desiredNumberScheduled: 0, updatedNumberScheduled: 0, numberAvailable: 0 }),
    );
    expect(r.state).toBe('complete');
    expect(r.message).toMatch(/label GPU nodes/);
    expect(
      rolloutState(
        'DaemonSet',
        w({}, { observedGeneration: 2, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1 }),
      ).state,
    ).toBe('progressing');
  });
});
