import { describe, expect, it } from 'vitest';
import { workloadRow } from '../../test/builders/rows';
import { filterWorkloads, workloadTestId } from './workload-list';

const rows = [
  workloadRow({ kind: 'DaemonSet', name: 'imagepod-gpu-worker', namespace: 'imagepod', images: ['imagepod/gpu-worker:1.2'] }),
  workloadRow({ kind: 'StatefulSet', name: 'postgres', namespace: 'imagepod', images: ['postgres:15'] }),
  workloadRow({ name: 'imagepod-api', namespace: 'imagepod' }),
  workloadRow({ name: 'coredns', namespace: 'kube-system' }),
];

describe('filterWorkloads', () => {
  it('orders by namespace, then Deployment, StatefulSet, DaemonSet, then name', () => {
    expect(filterWorkloads(rows, { kind: null, namespace: null, search: '' }).map((w) => w.name))
      .toEqual(['imagepod-api', 'postgres', 'imagepod-gpu-worker', 'coredns']);
  });
  it('filters by kind, namespace and name or image text', () => {
    expect(filterWorkloads(rows, { kind: 'Deployment', namespace: 'imagepod', search: '' }).map((w) => w.name)).toEqual(['imagepod-api']);
    expect(filterWorkloads(rows, { kind: null, namespace: null, search: 'POSTGRES:15' }).map((w) => w.name)).toEqual(['postgres']);
  });
  it('builds lower-case kind test ids', () => {
    expect(workloadTestId('row', rows[0]!)).toBe('workload-row-daemonset-imagepod-imagepod-gpu-worker');
  });
});
