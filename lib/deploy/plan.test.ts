import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../server/deploy/bundle';
import { objectKey, planStages, STAGE_LABEL } from './plan';
import type { KubeObj } from './transform';

const bundle = (): KubeObj[] => loadBundle(path.join(__dirname, '../../manifests/imagepod'));

function obj(kind: string, name: string, stage?: string, namespace?: string): KubeObj {
  return {
    apiVersion: 'v1',
    kind,
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(stage === undefined ? {} : { labels: { [STAGE_LABEL]: stage } }),
    },
  };
}

describe('objectKey', () => {
  it.each([
    [obj('Deployment', 'imagepod-api', undefined, 'imagepod'), 'Deployment/imagepod/imagepod-api'],
    [obj('Namespace', 'imagepod'), 'Namespace/imagepod'],
    [obj('ClusterRole', 'prometheus'), 'ClusterRole/prometheus'],
  ])('%#: %s', (o, key) => {
    expect(objectKey(o)).toBe(key);
  });

  it('is unique across the bundle', () => {
    const keys = bundle().map(objectKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('planStages on the real bundle', () => {
  const stages = planStages(bundle());

  it('has the six stages of the issue, in order, with their titles', () => {
    expect(stages.map((s) => [s.id, s.title])).toEqual([
      ['1-namespace', 'Namespace and secrets'],
      ['2-data', 'PostgreSQL and Redis'],
      ['3-api', 'ImagePod API'],
      ['4-monitoring', 'Monitoring'],
      ['5-gpu', 'GPU workers'],
      ['6-ingress', 'Ingress and network policies'],
    ]);
  });

  it('keeps every object exactly once, in bundle order within each stage (the kustomization is in stage order)', () => {
    expect(stages.flatMap((s) => s.objects)).toEqual(bundle());
  });

  it('puts each kind where the issue says', () => {
    const where = (key: string) => stages.find((s) => s.objects.some((o) => objectKey(o) === key))?.id;
    expect(where('Namespace/imagepod')).toBe('1-namespace');
    expect(where('Secret/imagepod/imagepod-secrets')).toBe('1-namespace');
    expect(where('StatefulSet/imagepod/postgres')).toBe('2-data');
    expect(where('Deployment/imagepod/redis')).toBe('2-data');
    expect(where('Deployment/imagepod/imagepod-api')).toBe('3-api');
    expect(where('Deployment/imagepod/prometheus')).toBe('4-monitoring');
    expect(where('Deployment/imagepod/grafana')).toBe('4-monitoring');
    expect(where('DaemonSet/imagepod/imagepod-gpu-worker')).toBe('5-gpu');
    expect(where('DaemonSet/kube-system/nvidia-device-plugin-daemonset')).toBe('5-gpu');
    expect(where('Ingress/imagepod/imagepod-ingress')).toBe('6-ingress');
    expect(stages.at(-1)!.objects.every((o) => ['Ingress', 'NetworkPolicy'].includes(o.kind))).toBe(true);
    expect(stages[0]!.objects[0]!.kind).toBe('Namespace');
  });
});

describe('planStages', () => {
  it('orders stages by number, not as strings, and keeps input order within a stage', () => {
    const a = obj('ConfigMap', 'a', '10-late', 'ns');
    const b = obj('ConfigMap', 'b', '2-data', 'ns');
    const c = obj('ConfigMap', 'c', '10-late', 'ns');
    const d = obj('Namespace', 'ns', '1-namespace');
    const stages = planStages([a, b, c, d]);
    expect(stages.map((s) => s.id)).toEqual(['1-namespace', '2-data', '10-late']);
    expect(stages[2]!.objects).toEqual([a, c]);
    expect(stages[2]!.objects[0]).toBe(a); // the objects themselves, not copies
  });

  it('titles an unknown stage by its name', () => {
    expect(planStages([obj('ConfigMap', 'x', '7-extras', 'ns')])[0]).toMatchObject({ id: '7-extras', title: 'extras' });
  });

  it('returns no stages for no objects', () => {
    expect(planStages([])).toEqual([]);
  });

  it.each<{ stage: string | undefined; why: string }>([
    { stage: undefined, why: 'no labels at all' },
    { stage: '', why: 'empty' },
    { stage: 'data', why: 'no number' },
    { stage: '2', why: 'no name' },
    { stage: '2-', why: 'empty name' },
    { stage: '2_data', why: 'underscore' },
    { stage: '2-Data', why: 'upper case' },
    { stage: 'x-data', why: 'not a number' },
    { stage: ' 2-data', why: 'leading space' },
    { stage: '-2-data', why: 'negative' },
  ])('refuses an object whose stage label is $stage ($why), naming it', ({ stage }) => {
    const good = obj('Namespace', 'imagepod', '1-namespace');
    const bad = obj('Deployment', 'api', stage, 'imagepod');
    expect(() => planStages([good, bad])).toThrow('Deployment/imagepod/api has no valid imagepod.io/stage label');
  });

  it('refuses an object with labels but without the stage label', () => {
    const o: KubeObj = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'n', labels: { app: 'x' } },
    };
    expect(() => planStages([o])).toThrow('ConfigMap/n/c has no valid imagepod.io/stage label');
  });
});
