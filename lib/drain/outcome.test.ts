import { describe, expect, it } from 'vitest';
import { blockedMessage, blockingPdb, drainReport, drainToast, progressOf, type EvictionResult } from './outcome';

const MSG = "Cannot evict pod as it would violate the pod's disruption budget.";
const CAUSE = {
  reason: 'DisruptionBudget',
  message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently',
};
const pod = { namespace: 'ns', name: 'web-1', uid: 'u1' };
const result = (state: EvictionResult['state'], extra: Partial<EvictionResult> = {}): EvictionResult => ({
  ...pod,
  state,
  message: state,
  ...extra,
});

describe('blockingPdb', () => {
  it('reads the budget from the DisruptionBudget cause', () => {
    expect(blockingPdb(MSG, [CAUSE])).toBe('web-pdb');
    expect(blockedMessage(MSG, [CAUSE])).toBe(`${MSG} ${CAUSE.message}`);
  });
  it('is undefined when the server did not name it', () => {
    expect(blockingPdb(MSG, [])).toBeUndefined();
    expect(blockedMessage(MSG, [])).toBe(MSG);
  });
});

describe('progressOf', () => {
  it('waits, evicts, then is gone once the pod left the node', () => {
    expect(progressOf(pod, undefined, true).progress).toBe('waiting');
    expect(progressOf(pod, 'evicting', true).progress).toBe('evicting');
    expect(progressOf(pod, result('evicted'), true).progress).toBe('evicted');
    expect(progressOf(pod, result('evicted'), false).progress).toBe('gone');
  });
  it('keeps a block with its budget even when the pod is still there', () => {
    const r = progressOf(pod, result('blocked', { pdb: 'web-pdb', message: 'no' }), true);
    expect(r).toEqual({ ...pod, progress: 'blocked', pdb: 'web-pdb', message: 'no' });
  });
});

describe('drainReport', () => {
  it('counts rows, runs until evicted pods are gone, lists blocked and failed ones', () => {
    const rows = [
      progressOf(pod, result('evicted'), true),
      progressOf({ ...pod, name: 'b' }, result('blocked', { pdb: 'x' }), true),
      progressOf({ ...pod, name: 'c' }, result('failed'), true),
      progressOf({ ...pod, name: 'd' }, result('skipped'), true),
    ];
    const r = drainReport(rows);
    expect(r.running).toBe(true);
    expect(r.counts).toMatchObject({ evicted: 1, blocked: 1, failed: 1, skipped: 1, gone: 0 });
    expect(r.blocked.map((x) => x.name)).toEqual(['b']);
    expect(r.failed.map((x) => x.name)).toEqual(['c']);
    rows[0] = progressOf(pod, result('evicted'), false);
    expect(drainReport(rows).running).toBe(false);
    expect(drainReport(rows).counts.gone).toBe(1);
  });
});

describe('drainToast', () => {
  const r = (name: string, state: EvictionResult['state'], pdb?: string): EvictionResult => ({
    namespace: 'team-a',
    name,
    uid: name,
    state,
    message: '',
    ...(pdb ? { pdb } : {}),
  });

  it('says a clean drain as success, linking the node', () => {
    expect(drainToast('gpu-1', [r('a', 'evicted'), r('b', 'evicted')], null)).toEqual({
      tone: 'success',
      title: 'Node gpu-1 drained',
      description: '2 pods evicted.',
      href: '/nodes/gpu-1',
    });
  });

  it('names the budgets that blocked and counts failures, as an error', () => {
    const t = drainToast(
      'gpu-1',
      [r('a', 'evicted'), r('b', 'blocked', 'web'), r('c', 'blocked', 'web'), r('d', 'failed')],
      null,
    );
    expect(t.tone).toBe('error');
    expect(t.title).toBe('Node gpu-1 is not fully drained');
    expect(t.description).toBe(
      '1 pod evicted, 2 blocked by web, 1 failed. The report on the node page can retry the blocked ones.',
    );
  });

  it('says a run stopped as a whole with its reason', () => {
    expect(drainToast('gpu-1', [], 'Kubernetes refused: your rights lack `patch nodes` cluster-wide.')).toMatchObject({
      tone: 'error',
      title: 'The drain of node gpu-1 stopped',
    });
  });
});
