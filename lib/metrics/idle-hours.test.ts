import { describe, expect, it } from 'vitest';
import {
  allocatedUnits,
  idleHoursQueries,
  idleHoursResolution,
  idleShare,
  ownerQueries,
  shapeIdleHours,
  workloadHref,
  type PromSample,
} from './idle-hours';

const s = (metric: Record<string, string>, v: number): PromSample => ({ metric, value: [1000, String(v)] });
const pod = (namespace: string, name: string, v: number) => s({ namespace, pod: name }, v);
const owner = (namespace: string, name: string, kind: string, ownerName: string) =>
  s({ namespace, pod: name, owner_kind: kind, owner_name: ownerName }, 1);

describe('idle GPU-hours PromQL', () => {
  it('allocation is GPU requests (whole, MIG, shared) of Running pods; idleness the share of DCGM units under the threshold', () => {
    expect(allocatedUnits).toContain(
      'kube_pod_container_resource_requests{resource=~"nvidia_com_gpu|nvidia_com_gpu_shared|nvidia_com_mig_.+|',
    );
    expect(allocatedUnits).toContain('kube_pod_status_phase{phase="Running"}');
    expect(idleShare(10)).toMatch(
      /^avg by \(namespace, pod\) \(\(.*DCGM_FI_PROF_GR_ENGINE_ACTIVE\{GPU_I_ID!="",pod!=""\}\) < bool 10\)$/,
    );
  });

  it('sums each step of the window as step seconds, in hours', () => {
    const q = idleHoursQueries({ range: 3600, step: 15, threshold: 5 });
    expect(q.allocated).toBe(`sum_over_time((${allocatedUnits})[3600s:15s]) * 15 / 3600`);
    expect(q.idle).toBe(
      `sum_over_time((${allocatedUnits} * on (namespace, pod) ${idleShare(5)})[3600s:15s]) * 15 / 3600`,
    );
    expect(q.measured).toContain(`and on (namespace, pod) ${idleShare(5)}`);
    // The chart's step for short windows; at most 60 s or 1/1,440 of the window for long ones.
    expect([idleHoursResolution(900, 5), idleHoursResolution(86_400, 300), idleHoursResolution(604_800, 3600)]).toEqual(
      [5, 60, 420],
    );
    const o = ownerQueries(600);
    expect(o.pods).toContain('last_over_time(kube_pod_owner[600s])');
    expect(o.replicaSets).toContain('last_over_time(kube_replicaset_owner[600s])');
  });
});

describe('shapeIdleHours', () => {
  const base = {
    allocated: [] as PromSample[],
    measured: [] as PromSample[],
    idle: [] as PromSample[],
    pods: [] as PromSample[],
    replicaSets: [] as PromSample[],
  };

  it('folds pods into workloads through ReplicaSets, and into namespaces; most idle first; links to the workload', () => {
    const out = shapeIdleHours({
      allocated: [pod('a', 'web-1', 2), pod('a', 'web-2', 2), pod('a', 'train-0', 8), pod('b', 'solo', 1)],
      measured: [pod('a', 'web-1', 2), pod('a', 'web-2', 2), pod('a', 'train-0', 8), pod('b', 'solo', 1)],
      idle: [pod('a', 'web-1', 1), pod('a', 'web-2', 2), pod('a', 'train-0', 0), pod('b', 'solo', 1)],
      pods: [
        owner('a', 'web-1', 'ReplicaSet', 'web-5d4'),
        owner('a', 'web-2', 'ReplicaSet', 'web-5d4'),
        owner('a', 'train-0', 'StatefulSet', 'train'),
      ],
      replicaSets: [s({ namespace: 'a', replicaset: 'web-5d4', owner_kind: 'Deployment', owner_name: 'web' }, 1)],
    });
    expect(
      out.workloads.map((r) => [r.kind, r.name, r.pods, r.allocatedHours, r.idleHours, r.idlePercent, r.href]),
    ).toEqual([
      ['Deployment', 'web', 2, 4, 3, 75, '/workloads/deployments/a/web'],
      ['Pod', 'solo', 1, 1, 1, 100, '/pods/b/solo'],
      ['StatefulSet', 'train', 1, 8, 0, 0, '/workloads/statefulsets/a/train'],
    ]);
    expect(
      out.namespaces.map((r) => [r.namespace, r.pods, r.allocatedHours, r.idleHours, r.idlePercent, r.href]),
    ).toEqual([
      ['a', 3, 12, 3, 25, '/pods?namespace=a'],
      ['b', 1, 1, 1, 100, '/pods?namespace=b'],
    ]);
  });

  it('MIG and shared holders are pods like any other: each counted once, a MIG pod in its own workload row', () => {
    const out = shapeIdleHours({
      ...base,
      allocated: [pod('ml', 'mig-1g', 1), pod('ml', 'share-0', 1), pod('ml', 'share-1', 1)],
      measured: [pod('ml', 'mig-1g', 1), pod('ml', 'share-0', 1), pod('ml', 'share-1', 1)],
      idle: [pod('ml', 'mig-1g', 1), pod('ml', 'share-0', 0.5), pod('ml', 'share-1', 0.5)],
      pods: [
        owner('ml', 'share-0', 'Job', 'sweep'),
        owner('ml', 'share-1', 'Job', 'sweep'),
        owner('ml', 'mig-1g', '<none>', '<none>'),
      ],
    });
    expect(out.workloads.map((r) => [r.kind, r.name, r.pods, r.idleHours, r.href])).toEqual([
      // Equal waste: the larger allocation first.
      ['Job', 'sweep', 2, 1, '/pods?namespace=ml&selector=job-name%3Dsweep'],
      ['Pod', 'mig-1g', 1, 1, '/pods/ml/mig-1g'],
    ]);
    expect(out.namespaces).toHaveLength(1);
    expect(out.namespaces[0]).toMatchObject({ allocatedHours: 3, idleHours: 2, pods: 3 });
  });

  it('a pod DCGM did not measure is allocated but not idle; pods with no allocation are left out; rows are capped', () => {
    const out = shapeIdleHours({
      ...base,
      allocated: [pod('a', 'dark', 2), pod('a', 'none', 0)],
      pods: [owner('a', 'dark', 'DaemonSet', 'ds')],
    });
    expect(out.workloads).toEqual([
      expect.objectContaining({
        name: 'ds',
        allocatedHours: 2,
        measuredHours: 0,
        idleHours: 0,
        idlePercent: 0,
        pods: 1,
      }),
    ]);
    const many = shapeIdleHours(
      { ...base, allocated: Array.from({ length: 5 }, (_, i) => pod(`n${i}`, `p${i}`, 1)) },
      3,
    );
    expect([many.workloads.length, many.namespaces.length, many.truncated]).toEqual([3, 3, true]);
  });

  it('workload links encode their parts', () => {
    expect(workloadHref('a b', 'Deployment', 'x/y')).toBe('/workloads/deployments/a%20b/x%2Fy');
    expect(workloadHref('n', 'ReplicaSet', 'rs-1')).toBe('/pods?namespace=n&q=rs-1');
  });
});
