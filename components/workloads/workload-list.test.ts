import { describe, expect, it } from 'vitest';
import { workloadRow } from '../../test/builders/rows';
import { filterWorkloads, parseReplicas, workloadHref, workloadTestId } from './workload-list';

const rows = [
  workloadRow({
    kind: 'DaemonSet',
    name: 'imagepod-gpu-worker',
    namespace: 'imagepod',
    images: ['imagepod/gpu-worker:1.2'],
  }),
  workloadRow({ kind: 'StatefulSet', name: 'postgres', namespace: 'imagepod', images: ['postgres:15'] }),
  workloadRow({ name: 'imagepod-api', namespace: 'imagepod' }),
  workloadRow({ name: 'coredns', namespace: 'kube-system' }),
];

describe('filterWorkloads', () => {
  it('orders by namespace, then Deployment, StatefulSet, DaemonSet, then name', () => {
    expect(filterWorkloads(rows, { kind: null, namespace: null, search: '' }).map((w) => w.name)).toEqual([
      'imagepod-api',
      'postgres',
      'imagepod-gpu-worker',
      'coredns',
    ]);
  });
  it('filters by kind, namespace and name or image text', () => {
    expect(filterWorkloads(rows, { kind: 'Deployment', namespace: 'imagepod', search: '' }).map((w) => w.name)).toEqual(
      ['imagepod-api'],
    );
    expect(filterWorkloads(rows, { kind: null, namespace: null, search: 'POSTGRES:15' }).map((w) => w.name)).toEqual([
      'postgres',
    ]);
  });
  it('builds lower-case kind test ids', () => {
    expect(workloadTestId('row', rows[0]!)).toBe('workload-row-daemonset-imagepod-imagepod-gpu-worker');
  });
});

describe('parseReplicas', () => {
  it.each([
    ['3', 100, { ok: true, value: 3 }],
    [' 0 ', 100, { ok: true, value: 0 }],
    ['100', 100, { ok: true, value: 100 }],
    ['101', 100, { ok: false, error: 'At most 100' }],
    ['-1', 100, { ok: false, error: 'A whole number of replicas' }],
    ['3abc', 100, { ok: false, error: 'A whole number of replicas' }],
    ['2.5', 100, { ok: false, error: 'A whole number of replicas' }],
    ['', 100, { ok: false, error: 'A whole number of replicas' }],
    ['1e9', 100, { ok: false, error: 'A whole number of replicas' }],
  ])('%j (max %i)', (text, max, want) => {
    expect(parseReplicas(text, max)).toEqual(want);
  });
});

describe('workloadHref', () => {
  it('links to the detail page by resource, namespace and name', () => {
    expect(workloadHref({ kind: 'DaemonSet', namespace: 'imagepod', name: 'imagepod-gpu-worker' })).toBe(
      '/workloads/daemonsets/imagepod/imagepod-gpu-worker',
    );
  });
});
