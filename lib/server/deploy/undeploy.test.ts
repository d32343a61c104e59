import { describe, expect, it } from 'vitest';
import { stillThereMessage, undeployWaitMs } from './undeploy';

describe('undeployWaitMs (IMAGEPOD_UNDEPLOY_WAIT_S)', () => {
  it.each([
    [undefined, 120_000],
    ['', 120_000],
    ['  ', 120_000],
    ['5', 5_000],
    [' 2.5 ', 2_500],
    ['0', 0],
    ['-1', 120_000],
    ['abc', 120_000],
    ['Infinity', 120_000],
    ['1e400', 120_000],
  ])('%j → %d ms', (raw, ms) => {
    expect(undeployWaitMs({ IMAGEPOD_UNDEPLOY_WAIT_S: raw })).toBe(ms);
  });
});

describe('stillThereMessage', () => {
  it('names the deletionTimestamp, the finalizers and the pods still in the cache', () => {
    expect(
      stillThereMessage(
        3000,
        { metadata: { deletionTimestamp: '2026-12-02T03:00:00Z', finalizers: ['example.com/hold', 'b/c'] } },
        [
          { name: 'grafana-1', status: 'Running' },
          { name: 'grafana-2', status: 'Terminating' },
        ],
      ),
    ).toBe(
      'still there after 3 s: deletionTimestamp 2026-12-02 03:00:00 UTC; finalizers example.com/hold, b/c; 2 pods still there: grafana-1 (Running), grafana-2 (Terminating)',
    );
  });

  it('says so when the object is not even marked for deletion, and gives its phase', () => {
    expect(stillThereMessage(120_000, { metadata: {}, status: { phase: 'Bound' } })).toBe(
      'still there after 120 s: not marked for deletion; phase Bound',
    );
  });

  it('names five pods and counts the rest; one pod is singular', () => {
    const pods = Array.from({ length: 7 }, (_, i) => ({ name: `p${i}`, status: 'Running' }));
    expect(stillThereMessage(1000, null, pods)).toBe(
      'still there after 1 s: 7 pods still there: p0 (Running), p1 (Running), p2 (Running), p3 (Running), p4 (Running), and 2 more',
    );
    expect(stillThereMessage(1000, null, pods.slice(0, 1))).toBe(
      'still there after 1 s: 1 pod still there: p0 (Running)',
    );
  });

  it('carries the note when the object could not be read', () => {
    expect(stillThereMessage(500, null, [], 'could not read it: forbidden')).toBe(
      'still there after 0.5 s: could not read it: forbidden',
    );
  });
});
