import { describe, expect, it } from 'vitest';
import type { NodeRow, PodRow, WorkloadRow } from '../views';
import { searchRows } from './search-rows';

const pod = (namespace: string, name: string): PodRow =>
  ({ key: `${namespace}/${name}`, namespace, name, status: 'Running' }) as PodRow;
const node = (name: string): NodeRow => ({ key: name, name, status: 'Ready', unschedulable: false }) as NodeRow;
const workload = (namespace: string, name: string): WorkloadRow =>
  ({ key: `Deployment/${namespace}/${name}`, kind: 'Deployment', namespace, name }) as WorkloadRow;

describe('searchRows', () => {
  const pods = Array.from({ length: 1000 }, (_, i) => pod(`ns-${i % 10}`, `train-${i}`));
  pods.push(pod('imagepod', 'imagepod-web-5d8f'));

  it('finds one pod among many, with its page, namespace and status', () => {
    const a = searchRows('imagepod-web', { pods: { rows: pods } }, 20);
    expect(a.items).toEqual([
      expect.objectContaining({
        kind: 'pod',
        label: 'imagepod-web-5d8f',
        namespace: 'imagepod',
        detail: 'imagepod · Running',
        href: '/pods/imagepod/imagepod-web-5d8f',
      }),
    ]);
    expect(a).toMatchObject({ total: 1, truncated: false });
  });

  it('keeps only the best `limit`, best first, and says how many matched', () => {
    const a = searchRows('train-1', { pods: { rows: pods } }, 5);
    expect(a.items.map((h) => h.label)).toEqual(['train-1', 'train-10', 'train-11', 'train-12', 'train-13']);
    expect(a.total).toBeGreaterThan(100);
    expect(a.truncated).toBe(true);
  });

  it('leaves out what the user may not see, and views that are not given', () => {
    const visible = (p: PodRow) => p.namespace === 'ns-3';
    const a = searchRows('train', { pods: { rows: pods, visible } }, 50);
    expect(a.items.length).toBe(50);
    expect(a.items.every((h) => h.namespace === 'ns-3')).toBe(true);
    expect(a.total).toBe(100);
    expect(searchRows('gpu', { pods: { rows: pods } }, 5).items).toEqual([]);
  });

  it('ranks nodes, workloads and pods together by the match, not by kind', () => {
    const a = searchRows(
      'web',
      {
        nodes: { rows: [node('node-web-1'), node('gpu-1')] },
        workloads: { rows: [workload('imagepod', 'web')] },
        pods: { rows: [pod('imagepod', 'web-5d8f')] },
      },
      10,
    );
    expect(a.items.map((h) => [h.kind, h.label, h.href])).toEqual([
      ['workload', 'web', '/workloads/deployments/imagepod/web'],
      ['pod', 'web-5d8f', '/pods/imagepod/web-5d8f'],
      ['node', 'node-web-1', '/nodes/node-web-1'],
    ]);
  });

  it('answers nothing to an empty query', () => {
    expect(searchRows('', { pods: { rows: pods } }, 10)).toMatchObject({ items: [], total: 0 });
  });
});
