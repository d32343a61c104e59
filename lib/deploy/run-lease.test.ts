import { describe, expect, it } from 'vitest';
import { asSeen, holdsLock, isStale, reachedOf, resumed, resumeFrom } from './run-lease';
import type { DeployRun, RunStage } from './run-types';

const T0 = Date.parse('2026-12-02T10:00:00Z');

function stage(id: string, state: RunStage['state'], objects: RunStage['objects'][number]['state'][]): RunStage {
  return {
    id,
    title: id,
    state,
    startedAt: null,
    finishedAt: null,
    objects: objects.map((s, i) => ({
      key: `ConfigMap/imagepod/${id}-${i}`,
      kind: 'ConfigMap',
      name: `${id}-${i}`,
      namespace: 'imagepod',
      state: s,
      change: s === 'ready' ? 'created' : null,
      message: s === 'ready' ? 'applied' : null,
    })),
  };
}

function run(over: Partial<DeployRun> = {}): DeployRun {
  return {
    id: 'r1',
    kind: 'deploy',
    user: 'alice',
    startedAt: new Date(T0).toISOString(),
    finishedAt: null,
    state: 'running',
    error: null,
    replica: 'a#1',
    heartbeatAt: new Date(T0).toISOString(),
    leaseSeconds: 15,
    resumes: [],
    stages: [
      stage('1-namespace', 'done', ['ready']),
      stage('2-data', 'running', ['ready', 'waiting', 'applying']),
      stage('3-apps', 'pending', ['pending']),
    ],
    ...over,
  };
}

describe('the deploy lease', () => {
  it('a running run holds the lock until its heartbeat is a lease old', () => {
    expect(holdsLock(run(), T0 + 15_000)).toBe(true);
    expect(isStale(run(), T0 + 15_000)).toBe(false);
    expect(isStale(run(), T0 + 15_001)).toBe(true);
    expect(holdsLock(run(), T0 + 15_001)).toBe(false);
  });

  it('a finished run holds nothing and is never stale', () => {
    for (const state of ['succeeded', 'failed'] as const) {
      expect(holdsLock(run({ state }), T0)).toBe(false);
      expect(isStale(run({ state }), T0 + 3_600_000)).toBe(false);
      expect(asSeen(run({ state }), T0 + 3_600_000)?.state).toBe(state);
    }
    expect(holdsLock(null)).toBe(false);
  });

  it('readers show a stale running run as interrupted, and a fresh one as it is', () => {
    expect(asSeen(run(), T0 + 1000)?.state).toBe('running');
    expect(asSeen(run(), T0 + 16_000)?.state).toBe('interrupted');
    expect(asSeen(null)).toBeNull();
  });

  it('says where an interrupted run stopped: the stage and the objects in flight', () => {
    const r = reachedOf(run());
    expect(r.stage?.id).toBe('2-data');
    expect(r.objects.map((o) => o.name)).toEqual(['2-data-1', '2-data-2']);
    expect(r.text).toBe('stage 2-data (1/3 stages done), at ConfigMap/imagepod/2-data-1, ConfigMap/imagepod/2-data-2');
  });

  it('a resume runs again from the first stage not done, keeps the done ones, and names the new replica', () => {
    const before = run();
    expect(resumeFrom(before)).toBe(1);
    const r = resumed(before, { user: 'bob', replica: 'b#2' }, T0 + 20_000);
    expect(r.state).toBe('running');
    expect(r.replica).toBe('b#2');
    expect(r.heartbeatAt).toBe(new Date(T0 + 20_000).toISOString());
    expect(r.resumes).toEqual([{ at: new Date(T0 + 20_000).toISOString(), user: 'bob', replica: 'b#2' }]);
    expect(r.stages[0]).toEqual(before.stages[0]);
    expect(r.stages[1]!.state).toBe('pending');
    expect(r.stages[1]!.objects.every((o) => o.state === 'pending' && o.message === null)).toBe(true);
    expect(r.user).toBe('alice');
    expect(r.id).toBe('r1');
    // The run it came from is not changed.
    expect(before.stages[1]!.state).toBe('running');
  });

  it('a run whose every stage is done resumes at its end', () => {
    const done = run({ stages: [stage('1-namespace', 'done', ['ready'])] });
    expect(resumeFrom(done)).toBe(1);
  });
});
