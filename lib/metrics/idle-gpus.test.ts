import { describe, expect, it } from 'vitest';
import { findIdleGpus } from './idle-gpus';
import type { PromSeries } from './shape';

const gpu = (pod: string, gpuIndex: string, values: number[], t0 = 100, step = 10): PromSeries => ({
  metric: { node: 'gpu-node-1', gpu: gpuIndex, UUID: `GPU-${gpuIndex}`, modelName: 'A100', namespace: 'ns', pod, container: 'main' },
  values: values.map((v, i) => [t0 + i * step, String(v)]),
});
const opts = { threshold: 10, minSeconds: 20, end: 150, staleSeconds: 30 };

describe('findIdleGpus', () => {
  it('flags a GPU whose trailing samples stay under the threshold long enough, with how long', () => {
    const out = findIdleGpus([gpu('a', '0', [80, 90, 5, 3, 4, 2])], opts);
    expect(out).toEqual([expect.objectContaining({ pod: 'a', gpu: '0', idleSeconds: 30, maxUtil: 5, idleSince: new Date(120_000).toISOString() })]);
  });

  it('ignores busy GPUs, short idle runs, GPUs without a pod and pods long gone', () => {
    expect(findIdleGpus([gpu('busy', '0', [3, 3, 3, 3, 3, 50])], opts)).toEqual([]);
    expect(findIdleGpus([gpu('short', '1', [50, 50, 50, 50, 3, 3])], opts)).toEqual([]);
    expect(findIdleGpus([{ ...gpu('', '2', [0, 0, 0, 0, 0, 0]) }], opts)).toEqual([]);
    expect(findIdleGpus([gpu('gone', '3', [1, 1, 1, 1], 0)], opts)).toEqual([]);
  });

  it('treats the threshold as exclusive and sorts the longest idle first', () => {
    expect(findIdleGpus([gpu('edge', '0', [10, 10, 10, 10, 10, 10])], opts)).toEqual([]);
    const out = findIdleGpus([gpu('b', '1', [50, 50, 1, 1, 1, 1]), gpu('c', '2', [1, 1, 1, 1, 1, 1])], opts);
    expect(out.map((g) => [g.pod, g.idleSeconds])).toEqual([['c', 50], ['b', 30]]);
  });
});
