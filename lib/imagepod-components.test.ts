import { describe, expect, it } from 'vitest';
import { imagePodComponentHealth } from './imagepod-components';
import { workloadRow } from '../test/builders/rows';

describe('imagePodComponentHealth', () => {
  it('reports every component as not deployed on an empty cluster', () => {
    const h = imagePodComponentHealth([]);
    expect(h.map((c) => c.component.id)).toEqual([
      'api',
      'postgresql',
      'redis',
      'gpu-workers',
      'prometheus',
      'grafana',
    ]);
    expect(h.every((c) => c.state === 'not-deployed' && c.workload === null)).toBe(true);
  });

  it('finds workloads by name in the imagepod namespace only', () => {
    const h = imagePodComponentHealth([
      workloadRow({ name: 'imagepod-api', namespace: 'imagepod', desired: 3, ready: 3 }),
      workloadRow({ name: 'redis', namespace: 'other' }),
      workloadRow({
        kind: 'StatefulSet',
        name: 'postgres',
        namespace: 'imagepod',
        desired: 1,
        ready: 0,
        rollout: { state: 'progressing', message: '0 of 1 pods are ready' },
      }),
    ]);
    const byId = Object.fromEntries(h.map((c) => [c.component.id, c]));
    expect(byId.api).toMatchObject({ state: 'ready', ready: 3, desired: 3 });
    expect(byId.redis!.state).toBe('not-deployed');
    expect(byId.postgresql).toMatchObject({ state: 'progressing', message: '0 of 1 pods are ready' });
  });

  it('falls back to the app label', () => {
    const h = imagePodComponentHealth([
      workloadRow({ name: 'monitoring-grafana', namespace: 'imagepod', labels: { app: 'grafana' } }),
    ]);
    expect(h.find((c) => c.component.id === 'grafana')!.workload?.name).toBe('monitoring-grafana');
  });

  it('calls a DaemonSet that selects no node idle and a failed rollout failed', () => {
    const h = imagePodComponentHealth([
      workloadRow({ kind: 'DaemonSet', name: 'imagepod-gpu-worker', namespace: 'imagepod', desired: 0, ready: 0 }),
      workloadRow({ name: 'prometheus', namespace: 'imagepod', rollout: { state: 'failed', message: 'deadline' } }),
    ]);
    expect(h.find((c) => c.component.id === 'gpu-workers')!.state).toBe('idle');
    expect(h.find((c) => c.component.id === 'prometheus')!.state).toBe('failed');
  });
});
