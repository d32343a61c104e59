import { describe, expect, it } from 'vitest';
import { findIdleGpus } from './idle-gpus';
import type { PromSeries } from './shape';

const gpu = (pod: string, gpuIndex: string, values: number[], t0 = 100, step = 10): PromSeries => ({
  metric: {
    node: 'gpu-node-1',
    gpu: gpuIndex,
    UUID: `GPU-${gpuIndex}`,
    modelName: 'A100',
    namespace: 'ns',
    pod,
    container: 'main',
  },
  values: values.map((v, i) => [t0 + i * step, String(v)]),
});
const opts = { threshold: 10, minSeconds: 20, end: 150, staleSeconds: 30 };

describe('findIdleGpus', () => {
  it('flags a GPU whose trailing samples stay under the threshold long enough, with how long', () => {
    const out = findIdleGpus([gpu('a', '0', [80, 90, 5, 3, 4, 2])], opts);
    expect(out).toEqual([
      expect.objectContaining({
        pod: 'a',
        gpu: '0',
        idleSeconds: 30,
        maxUtil: 5,
        idleSince: new Date(120_000).toISOString(),
      }),
    ]);
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
    expect(out.map((g) => [g.pod, g.idleSeconds])).toEqual([
      ['c', 50],
      ['b', 30],
    ]);
  });
});

describe('findIdleGpus with MIG instances and shared GPUs', () => {
  const series = (metric: Record<string, string>, values: number[], t0 = 100): PromSeries => ({
    metric,
    values: values.map((v, i) => [t0 + i * 10, String(v)]),
  });
  const mig = (id: string, profile: string, pod: string, values: number[]) =>
    series(
      {
        node: 'gpu-mig-mixed',
        gpu: '1',
        UUID: 'GPU-m',
        modelName: 'H100',
        GPU_I_ID: id,
        GPU_I_PROFILE: profile,
        namespace: 'ns',
        pod,
        container: 'c',
      },
      values,
    );
  const share = (vgpu: string, pod: string, values: number[], t0?: number) =>
    series(
      {
        __name__: 'DCGM_FI_DEV_GPU_UTIL',
        node: 'gpu-timeslice',
        gpu: '0',
        UUID: 'GPU-t',
        modelName: 'T4',
        vgpu,
        namespace: 'ns',
        pod,
        container: 'c',
      },
      values,
      t0,
    );

  it('a MIG instance is a candidate on its own, with its instance and profile', () => {
    const out = findIdleGpus(
      [
        mig('1', '3g.40gb', 'a', [3, 3, 3, 3, 3, 3]),
        mig('2', '2g.20gb', 'b', [50, 50, 50, 50, 50, 50]),
        mig('3', '1g.10gb', 'c', [1, 1, 1, 1, 1, 1]),
      ],
      opts,
    );
    expect(out.map((g) => [g.kind, g.gpu, g.instance, g.profile, g.pod])).toEqual([
      ['mig', '1', '1', '3g.40gb', 'a'],
      ['mig', '1', '3', '1g.10gb', 'c'],
    ]);
    expect(out[0]!.holders).toEqual([{ namespace: 'ns', pod: 'a', container: 'c' }]);
  });

  it('shares of one GPU fold into one row listing every holder; one busy holder keeps it busy', () => {
    const idle = findIdleGpus([share('1', 'y', [2, 2, 2, 2, 2, 2]), share('0', 'x', [4, 4, 4, 4, 4, 4])], opts);
    expect(idle).toHaveLength(1);
    expect(idle[0]).toMatchObject({ kind: 'shared', gpu: '0', uuid: 'GPU-t', maxUtil: 4, pod: 'x', idleSeconds: 50 });
    expect(idle[0]!.holders.map((h) => [h.vgpu, h.pod])).toEqual([
      ['0', 'x'],
      ['1', 'y'],
    ]);
    expect(findIdleGpus([share('0', 'x', [4, 4, 4, 4, 4, 4]), share('1', 'y', [2, 2, 2, 2, 2, 60])], opts)).toEqual([]);
  });

  it('a holder gone from a shared GPU is not listed; a mixture of kinds on one node counts each unit once', () => {
    const out = findIdleGpus(
      [
        share('0', 'x', [1, 1, 1, 1, 1, 1]),
        share('1', 'gone', [1, 1, 1], 0),
        gpu('whole', '2', [1, 1, 1, 1, 1, 1]),
        mig('1', '1g.10gb', 'm', [2, 2, 2, 2, 2, 2]),
      ],
      opts,
    );
    expect(out.map((g) => `${g.kind}:${g.holders.map((h) => h.pod).join('+')}`).sort()).toEqual([
      'gpu:whole',
      'mig:m',
      'shared:x',
    ]);
  });
});

it('a whole GPU that changed hands is one row per holder, not folded like shares', () => {
  const before = gpu('old', '0', [1, 1, 1, 1, 1, 1]);
  const after = {
    ...gpu('new', '0', [2, 2, 2, 2, 2, 2]),
    metric: { ...gpu('new', '0', []).metric, namespace: 'other' },
  };
  expect(
    findIdleGpus([before, after], opts)
      .map((g) => `${g.namespace}/${g.pod}`)
      .sort(),
  ).toEqual(['ns/old', 'other/new']);
});
