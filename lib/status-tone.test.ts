import { describe, expect, it } from 'vitest';
import { nodeTone, podTone, rolloutTone } from './status-tone';

const pod = (status: string, extra: Partial<Parameters<typeof podTone>[0]> = {}) => ({
  status,
  phase: 'Running',
  readyContainers: 1,
  totalContainers: 1,
  terminating: false,
  ...extra,
});

describe('podTone', () => {
  it('is green only for running pods with every container ready', () => {
    expect(podTone(pod('Running'))).toBe('ok');
    expect(podTone(pod('Running', { readyContainers: 0 }))).toBe('warn');
  });
  it('is amber on the way up', () => {
    expect(podTone(pod('Pending', { phase: 'Pending' }))).toBe('warn');
    expect(podTone(pod('ContainerCreating', { phase: 'Pending' }))).toBe('warn');
    expect(podTone(pod('Init:0/2', { phase: 'Pending' }))).toBe('warn');
  });
  it('is red when broken', () => {
    for (const s of [
      'CrashLoopBackOff',
      'ImagePullBackOff',
      'Error',
      'OOMKilled',
      'ExitCode:137',
      'Init:Error',
      'Evicted',
    ]) {
      expect(podTone(pod(s)), s).toBe('bad');
    }
  });
  it('is gray when finished or going away', () => {
    expect(podTone(pod('Completed', { phase: 'Succeeded' }))).toBe('neutral');
    expect(podTone(pod('Terminating', { terminating: true }))).toBe('neutral');
  });
});

describe('nodeTone and rolloutTone', () => {
  it('colours nodes by readiness and cordon', () => {
    expect(nodeTone({ ready: true, unschedulable: false })).toBe('ok');
    expect(nodeTone({ ready: true, unschedulable: true })).toBe('warn');
    expect(nodeTone({ ready: null, unschedulable: false })).toBe('warn');
    expect(nodeTone({ ready: false, unschedulable: false })).toBe('bad');
  });
  it('colours rollouts by state', () => {
    expect(rolloutTone({ state: 'complete' })).toBe('ok');
    expect(rolloutTone({ state: 'progressing' })).toBe('warn');
    expect(rolloutTone({ state: 'paused' })).toBe('neutral');
    expect(rolloutTone({ state: 'failed' })).toBe('bad');
  });
});
