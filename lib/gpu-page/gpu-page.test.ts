import { describe, expect, it } from 'vitest';
import { parseSelector } from '../label-selector';
import { gpuSegments } from '../gpu/segments';
import { cellState, idlePodSet } from './cell-state';
import { filterMapRows, mapModels } from './map-filter';
import { sampleCluster } from './sample-cluster';
import { pageStateQuery, readPageState } from './url-state';
import { EMPTY_WHERE_FORM, parseTolerations, whereRequestFromForm } from './where-form';

const sel = (t: string) => {
  const p = parseSelector(t);
  if (!p.ok) throw new Error(p.error);
  return p.selector;
};

describe('cellState', () => {
  const model = sampleCluster(4);
  const held = model.nodes[0]!.gpus.flatMap(gpuSegments).find((s) => s.state === 'allocated')!;
  it('is idle only for allocated segments held by an idle pod', () => {
    const pod = held.holders[0]!.pod!;
    expect(cellState(held, new Set())).toBe('allocated');
    expect(cellState(held, idlePodSet([{ namespace: pod.namespace, pod: pod.name }]))).toBe('idle');
    const free = model.nodes[0]!.gpus.flatMap(gpuSegments).find((s) => s.state === 'free')!;
    expect(cellState(free, idlePodSet([{ namespace: pod.namespace, pod: pod.name }]))).toBe('free');
  });
});

describe('filterMapRows', () => {
  const model = sampleCluster(8);
  const none = new Set<string>();
  it('keeps every GPU node without filters and lists the models', () => {
    expect(filterMapRows(model.nodes, { model: '', selector: [], state: '' }, none)).toHaveLength(8);
    expect(mapModels(model.nodes)).toEqual(
      ['NVIDIA-H100-80GB-HBM3', 'NVIDIA-Tesla-T4', 'NVIDIA-A100-SXM4-80GB'].sort(),
    );
  });
  it('filters by model (drawing only its GPUs), label selector and state', () => {
    const t4 = filterMapRows(model.nodes, { model: 'NVIDIA-Tesla-T4', selector: [], state: '' }, none);
    expect(t4.map((r) => r.node.node)).toEqual(['node-0002', 'node-0006']);
    expect(t4[0]!.gpus.every((g) => g.product === 'NVIDIA-Tesla-T4')).toBe(true);
    expect(
      filterMapRows(
        model.nodes,
        { model: '', selector: sel('topology.kubernetes.io/zone=zone-1'), state: '' },
        none,
      ).map((r) => r.node.node),
    ).toEqual(['node-0001', 'node-0004', 'node-0007']);
    const unavailable = filterMapRows(model.nodes, { model: '', selector: [], state: 'unavailable' }, none);
    expect(unavailable.map((r) => r.node.node)).toEqual(['node-0001', 'node-0005']);
    expect(filterMapRows(model.nodes, { model: '', selector: [], state: 'idle' }, none)).toEqual([]);
  });
});

describe('where form', () => {
  it('reads kubectl-style tolerations', () => {
    expect(parseTolerations('nvidia.com/gpu=present:NoSchedule, dedicated:NoExecute\nfoo')).toEqual({
      ok: true,
      tolerations: [
        { key: 'nvidia.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
        { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' },
        { key: 'foo', operator: 'Exists' },
      ],
    });
    expect(parseTolerations('*')).toEqual({ ok: true, tolerations: [{ operator: 'Exists' }] });
    expect(parseTolerations('a=b:Sometimes').ok).toBe(false);
  });
  it('builds a request or names the fields at fault', () => {
    const ok = whereRequestFromForm(
      { ...EMPTY_WHERE_FORM, kind: 'mig', profile: '1g.10gb', count: '2', tolerations: 'nvidia.com/gpu:NoSchedule' },
      [],
    );
    expect(ok).toEqual({
      ok: true,
      request: {
        ask: { kind: 'mig', profile: '1g.10gb', count: 2 },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
      },
    });
    const bad = whereRequestFromForm(
      { ...EMPTY_WHERE_FORM, kind: 'mig', profile: 'big', count: 'two', selector: 'a in (', tolerations: 'x:Never' },
      [],
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['count', 'profile', 'selector', 'tolerations']);
    expect(bad.errors.profile).toMatch(/MIG profile/);
    const zero = whereRequestFromForm({ ...EMPTY_WHERE_FORM, count: '0' }, []);
    expect(!zero.ok && zero.errors.count).toBeTruthy();
  });
  it('resolves a DeviceClass by name', () => {
    const classes = [{ name: 'gpu.nvidia.com', driver: 'gpu.nvidia.com', type: 'gpu' as const }];
    const ok = whereRequestFromForm({ ...EMPTY_WHERE_FORM, kind: 'devices', deviceClass: 'gpu.nvidia.com' }, classes);
    expect(ok.ok && ok.request.ask).toEqual({ kind: 'devices', deviceClass: classes[0], count: 1 });
    const missing = whereRequestFromForm({ ...EMPTY_WHERE_FORM, kind: 'devices', deviceClass: 'nope' }, classes);
    expect(!missing.ok && missing.errors.deviceClass).toMatch(/no DeviceClass nope/);
  });
});

describe('url state', () => {
  it('round-trips filters and the question', () => {
    const state = {
      filter: { model: 'NVIDIA-H100-80GB-HBM3', selector: 'zone=a', state: 'free' as const },
      where: {
        ...EMPTY_WHERE_FORM,
        kind: 'mig' as const,
        profile: '1g.10gb',
        count: '3',
        tolerations: 'nvidia.com/gpu:NoSchedule',
      },
    };
    const q = pageStateQuery(state);
    expect(readPageState(new URLSearchParams(q))).toEqual({
      ...state,
      where: { ...state.where, resource: EMPTY_WHERE_FORM.resource },
    });
    expect(readPageState({ state: 'bogus', ask: 'nope' })).toEqual({
      filter: { model: '', selector: '', state: '' },
      where: null,
    });
  });
});

describe('podWorkload', () => {
  it('reads Deployments through their ReplicaSet and other workloads directly', async () => {
    const { podWorkload } = await import('./pod-links');
    expect(
      podWorkload({ owner: { kind: 'ReplicaSet', name: 'api-5d9f7' }, labels: { 'pod-template-hash': '5d9f7' } }),
    ).toEqual({ kind: 'Deployment', name: 'api' });
    expect(podWorkload({ owner: { kind: 'StatefulSet', name: 'db' }, labels: {} })).toEqual({
      kind: 'StatefulSet',
      name: 'db',
    });
    expect(podWorkload({ owner: { kind: 'Job', name: 'train' }, labels: {} })).toBeNull();
    expect(podWorkload({ owner: null, labels: {} })).toBeNull();
  });
});
