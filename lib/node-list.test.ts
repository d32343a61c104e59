import { describe, expect, it } from 'vitest';
import { parseSelector } from './label-selector';
import { filterNodes, sortNodes } from './node-list';
import type { NodeRow } from './views';

function node(name: string, o: Partial<NodeRow> = {}): NodeRow {
  return {
    key: name,
    name,
    uid: name,
    ready: true,
    status: 'Ready',
    unschedulable: false,
    roles: [],
    labels: {},
    taints: [],
    cpuAllocatable: '4',
    memoryAllocatable: '16Gi',
    podsAllocatable: '110',
    gpuCapacity: {},
    gpuAllocatable: {},
    gpuUnitCapacity: {},
    gpuUnitAllocatable: {},
    gpuProduct: null,
    gpuMemoryMiB: null,
    conditions: [],
    kubeletVersion: 'v1.34.0',
    createdAt: '2026-01-01T00:00:00Z',
    ...o,
  };
}

const rows = [
  node('gpu-node-10', { labels: { gpu: 'true' }, gpuAllocatable: { 'nvidia.com/gpu': 8 }, gpuProduct: 'NVIDIA-H100' }),
  node('gpu-node-2', { labels: { gpu: 'true' }, gpuAllocatable: { 'nvidia.com/gpu': 2 }, cpuAllocatable: '96' }),
  node('cp-1', { roles: ['control-plane'], status: 'NotReady', ready: false, memoryAllocatable: '512Mi' }),
];
const names = (r: NodeRow[]) => r.map((n) => n.name);

describe('filterNodes', () => {
  it('narrows by label selector and by search over name, status, roles and GPU product', () => {
    const sel = parseSelector('gpu=true');
    if (!sel.ok) throw new Error(sel.error);
    expect(names(filterNodes(rows, { selector: sel.selector, search: '' }))).toEqual(['gpu-node-10', 'gpu-node-2']);
    expect(names(filterNodes(rows, { selector: [], search: 'h100' }))).toEqual(['gpu-node-10']);
    expect(names(filterNodes(rows, { selector: [], search: ' notready ' }))).toEqual(['cp-1']);
    expect(names(filterNodes(rows, { selector: [], search: 'CONTROL' }))).toEqual(['cp-1']);
    expect(filterNodes(rows, { selector: [], search: 'nothing' })).toEqual([]);
  });
});

describe('sortNodes', () => {
  it('sorts by the column, naturally by name, and by quantities as numbers', () => {
    expect(names(sortNodes(rows, { key: 'name', dir: 'asc' }))).toEqual(['cp-1', 'gpu-node-2', 'gpu-node-10']);
    expect(names(sortNodes(rows, { key: 'cpu', dir: 'desc' }))).toEqual(['gpu-node-2', 'cp-1', 'gpu-node-10']);
    expect(names(sortNodes(rows, { key: 'memory', dir: 'asc' }))[0]).toBe('cp-1');
    expect(names(sortNodes(rows, { key: 'gpus', dir: 'desc' }))).toEqual(['gpu-node-10', 'gpu-node-2', 'cp-1']);
    expect(names(sortNodes(rows, { key: 'status', dir: 'asc' }))).toEqual(['cp-1', 'gpu-node-2', 'gpu-node-10']);
  });
});
