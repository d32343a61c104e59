import { describe, expect, it } from 'vitest';
import { parseSelector, type Selector } from './label-selector';
import { DEFAULT_POD_SORT, EMPTY_POD_FILTER, filterPods, podNamespaces, sortPods, toggleSort } from './pod-list';
import { podRow } from '../test/builders/rows';

function sel(text: string): Selector {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(r.error);
  return r.selector;
}

const rows = [
  podRow({ name: 'api-1', namespace: 'imagepod', labels: { app: 'imagepod-api' }, nodeName: 'cpu-node-1' }),
  podRow({
    name: 'worker-2',
    namespace: 'imagepod',
    labels: { app: 'imagepod-gpu-worker' },
    gpu: { 'nvidia.com/gpu': 2 },
    nodeName: 'gpu-node-1',
  }),
  podRow({
    name: 'worker-10',
    namespace: 'imagepod',
    labels: { app: 'imagepod-gpu-worker' },
    gpu: { 'nvidia.com/gpu': 1 },
    restarts: 4,
    nodeName: 'gpu-node-2',
  }),
  podRow({
    name: 'coredns',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    status: 'CrashLoopBackOff',
    createdAt: '2026-01-03T00:00:00Z',
  }),
  podRow({
    name: 'pending',
    namespace: 'default',
    phase: 'Pending',
    status: 'Pending',
    nodeName: null,
    createdAt: null,
  }),
];

describe('filterPods', () => {
  it('keeps everything with the empty filter', () => {
    expect(filterPods(rows, EMPTY_POD_FILTER)).toHaveLength(rows.length);
  });
  it('filters by namespace exactly', () => {
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, namespace: 'imagepod' }).map((p) => p.name)).toEqual([
      'api-1',
      'worker-2',
      'worker-10',
    ]);
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, namespace: 'image' })).toEqual([]);
  });
  it('filters by label selector', () => {
    expect(
      filterPods(rows, { ...EMPTY_POD_FILTER, selector: sel('app=imagepod-gpu-worker') }).map((p) => p.name),
    ).toEqual(['worker-2', 'worker-10']);
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, selector: sel('!app') }).map((p) => p.name)).toEqual([
      'coredns',
      'pending',
    ]);
  });
  it('searches name, namespace, node and status case-insensitively', () => {
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, search: 'WORKER' })).toHaveLength(2);
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, search: 'gpu-node-2' }).map((p) => p.name)).toEqual(['worker-10']);
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, search: 'crashloop' }).map((p) => p.name)).toEqual(['coredns']);
    expect(filterPods(rows, { ...EMPTY_POD_FILTER, search: '  ' })).toHaveLength(rows.length);
  });
  it('combines all parts', () => {
    const f = { namespace: 'imagepod', selector: sel('app in (imagepod-gpu-worker)'), search: '10' };
    expect(filterPods(rows, f).map((p) => p.name)).toEqual(['worker-10']);
  });
});

describe('sortPods', () => {
  it('sorts by namespace then name by default, numbers in names naturally', () => {
    expect(sortPods(rows, DEFAULT_POD_SORT).map((p) => p.name)).toEqual([
      'pending',
      'api-1',
      'worker-2',
      'worker-10',
      'coredns',
    ]);
  });
  it('sorts numerically by restarts and GPUs, both directions', () => {
    expect(sortPods(rows, { key: 'restarts', dir: 'desc' })[0]!.name).toBe('worker-10');
    expect(
      sortPods(rows, { key: 'gpu', dir: 'desc' })
        .slice(0, 2)
        .map((p) => p.name),
    ).toEqual(['worker-2', 'worker-10']);
  });
  it('sorts age youngest first when ascending, missing timestamps last', () => {
    const names = sortPods(rows, { key: 'age', dir: 'asc' }).map((p) => p.name);
    expect(names[0]).toBe('coredns');
    expect(names.at(-1)).toBe('pending');
  });
  it('does not mutate its input', () => {
    const copy = [...rows];
    sortPods(rows, { key: 'name', dir: 'desc' });
    expect(rows).toEqual(copy);
  });
});

describe('podNamespaces and toggleSort', () => {
  it('lists distinct namespaces sorted', () => {
    expect(podNamespaces(rows)).toEqual(['default', 'imagepod', 'kube-system']);
  });
  it('flips direction on the same column and starts ascending on another', () => {
    expect(toggleSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(toggleSort({ key: 'name', dir: 'desc' }, 'age')).toEqual({ key: 'age', dir: 'asc' });
  });
});
