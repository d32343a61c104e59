import { describe, expect, it } from 'vitest';
import { drainDecision, refusal, type DrainDecision, type DrainPod } from './plan';

const owner = (kind: string) => [{ apiVersion: 'apps/v1', kind, name: 'o', uid: 'u', controller: true }];
function pod(o: Partial<DrainPod['metadata']> = {}, spec: Partial<DrainPod['spec']> = {}, phase = 'Running'): DrainPod {
  return {
    metadata: { name: 'p', namespace: 'ns', uid: '1', ownerReferences: owner('ReplicaSet'), ...o },
    spec: { containers: [{ name: 'c' }], ...spec },
    status: { phase: phase as 'Running' },
  };
}
const none = { evictLocalStorage: false, evictUnmanaged: false };
const all = { evictLocalStorage: true, evictUnmanaged: true };

describe('drainDecision', () => {
  it('evicts a pod of a ReplicaSet', () => {
    expect(drainDecision(pod())).toEqual({ action: 'evict' });
  });
  it('leaves DaemonSet, mirror, finished and terminating pods', () => {
    expect(drainDecision(pod({ ownerReferences: owner('DaemonSet') }))).toEqual({
      action: 'skip',
      reason: 'daemonset',
    });
    expect(drainDecision(pod({ annotations: { 'kubernetes.io/config.mirror': 'abc' }, ownerReferences: [] }))).toEqual({
      action: 'skip',
      reason: 'mirror',
    });
    expect(drainDecision(pod({}, {}, 'Succeeded'))).toEqual({ action: 'skip', reason: 'finished' });
    expect(drainDecision(pod({}, {}, 'Failed'))).toEqual({ action: 'skip', reason: 'finished' });
    expect(drainDecision(pod({ deletionTimestamp: '2026-01-01T00:00:00Z' }))).toEqual({
      action: 'skip',
      reason: 'terminating',
    });
  });
  it('a DaemonSet pod with an emptyDir is still left (not asked about)', () => {
    const p = pod({ ownerReferences: owner('DaemonSet') }, { volumes: [{ name: 'scratch', emptyDir: {} }] });
    expect(drainDecision(p).action).toBe('skip');
  });
  it('asks before evicting emptyDir data or a pod without a controller', () => {
    const local = pod({}, { volumes: [{ name: 'cfg' }, { name: 'scratch', emptyDir: {} }] });
    expect(drainDecision(local)).toEqual({ action: 'consent', reasons: ['local-storage'] });
    const bare = pod({ ownerReferences: [] });
    expect(drainDecision(bare)).toEqual({ action: 'consent', reasons: ['unmanaged'] });
    // An owner that is not the controller does not count.
    const notCtrl = pod({ ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicaSet', name: 'x', uid: 'y' }] });
    expect(drainDecision(notCtrl)).toEqual({ action: 'consent', reasons: ['unmanaged'] });
  });
});

describe('refusal', () => {
  it('is null for an evictable pod and the reason for a skipped one', () => {
    expect(refusal({ action: 'evict' }, none)).toBeNull();
    expect(refusal({ action: 'skip', reason: 'daemonset' }, all)).toMatch(/DaemonSet/);
  });
  it('needs every consent the pod asks for', () => {
    const both: DrainDecision = { action: 'consent', reasons: ['local-storage', 'unmanaged'] };
    expect(refusal(both, none)).toMatch(/emptyDir.*; .*no controller/);
    expect(refusal(both, { evictLocalStorage: true, evictUnmanaged: false })).toMatch(/^has no controller/);
    expect(refusal(both, all)).toBeNull();
  });
});
