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
    ['3', 50, { ok: true, value: 3 }],
    [' 0 ', 50, { ok: true, value: 0 }],
    ['50', 50, { ok: true, value: 50 }],
    ['51', 50, { ok: false, error: 'Replicas: a whole number from 0 to 50; 51 is too many' }],
    ['-1', 50, { ok: false, error: 'Replicas: a whole number from 0 to 50; “-” at position 1 is not a digit' }],
    ['3abc', 50, { ok: false, error: 'Replicas: a whole number from 0 to 50; “a” at position 2 is not a digit' }],
    ['', 50, { ok: false, error: 'Replicas: a whole number from 0 to 50' }],
    ['2.5', 100, { ok: false, error: 'Replicas: a whole number from 0 to 100; “.” at position 2 is not a digit' }],
    ['1e9', 100, { ok: false, error: 'Replicas: a whole number from 0 to 100; “e” at position 2 is not a digit' }],
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
