import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedPaths, diffObjects, normalize, toYaml } from './diff';

/** A Deployment as the API server returns it (trimmed): server fields, defaults, status. */
function liveDeployment(over: { replicas?: number; image?: string; env?: string } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'imagepod-api',
      namespace: 'imagepod',
      uid: '6c1f0c52-5c2e-4a53-9b1c-7d3f0e9a1b22',
      resourceVersion: '48213',
      generation: 3,
      creationTimestamp: '2026-11-25T21:40:11Z',
      labels: { app: 'imagepod-api', 'imagepod.io/stage': '3-api' },
      annotations: { 'deployment.kubernetes.io/revision': '2' },
      managedFields: [
        {
          manager: 'imagepod-dashboard',
          operation: 'Apply',
          apiVersion: 'apps/v1',
          time: '2026-11-25T21:40:11Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:spec': { 'f:replicas': {} } },
        },
        {
          manager: 'kube-controller-manager',
          operation: 'Update',
          apiVersion: 'apps/v1',
          subresource: 'status',
          time: '2026-11-25T21:40:30Z',
          fieldsType: 'FieldsV1',
          fieldsV1: { 'f:status': {} },
        },
      ],
    },
    spec: {
      replicas: over.replicas ?? 2,
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      selector: { matchLabels: { app: 'imagepod-api' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { app: 'imagepod-api' } },
        spec: {
          containers: [
            {
              name: 'api',
              image: over.image ?? 'imagepod/api:0.1.0',
              imagePullPolicy: 'IfNotPresent',
              env: [{ name: 'LOG_LEVEL', value: over.env ?? 'info' }],
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          restartPolicy: 'Always',
          dnsPolicy: 'ClusterFirst',
          schedulerName: 'default-scheduler',
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status: {
      observedGeneration: 3,
      replicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      conditions: [{ type: 'Available', status: 'True' }],
    },
  };
}

/** The dry-run answer: the same object after an apply, with a new resourceVersion, generation and managedFields. */
function dryRunOf(live: ReturnType<typeof liveDeployment>, spec: Parameters<typeof liveDeployment>[0] = {}) {
  const after = liveDeployment(spec);
  after.metadata.resourceVersion = '48999';
  after.metadata.generation = live.metadata.generation + 1;
  after.metadata.managedFields = [after.metadata.managedFields[0]!];
  after.status = { ...after.status, observedGeneration: 3, readyReplicas: 1 };
  return after;
}

describe('normalize', () => {
  it('drops what the server maintains and keeps the rest', () => {
    const n = normalize(liveDeployment());
    expect(n.status).toBeUndefined();
    expect(Object.keys(n.metadata!).sort()).toEqual(['labels', 'name', 'namespace']);
    expect(n.spec).toEqual(liveDeployment().spec);
  });

  it("drops selfLink and the controller annotations, but keeps the operator's annotations", () => {
    const n = normalize({
      kind: 'DaemonSet',
      metadata: {
        name: 'x',
        selfLink: '/apis/apps/v1/x',
        annotations: {
          'deprecated.daemonset.template.generation': '4',
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
          'deployment.kubernetes.io/revision': '1',
          'imagepod.io/generate': 'a,b',
        },
      },
    });
    expect(n.metadata).toEqual({ name: 'x', annotations: { 'imagepod.io/generate': 'a,b' } });
  });

  it('removes an annotations map that only held server annotations', () => {
    expect(
      normalize({
        kind: 'DaemonSet',
        metadata: { name: 'x', annotations: { 'deprecated.daemonset.template.generation': '1' } },
      }).metadata,
    ).toEqual({ name: 'x' });
    expect(normalize({ kind: 'ConfigMap', metadata: { name: 'x', annotations: {} } }).metadata).toEqual({ name: 'x' });
  });

  it('masks Secret values (data and stringData), keeping the key names in order', () => {
    const n = normalize({
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: { name: 's' },
      data: { 'redis-password': 'cmVk', 'postgres-password': 'cGc=' },
      stringData: { token: 'plain' },
    });
    expect(n.data).toEqual({ 'postgres-password': '(hidden)', 'redis-password': '(hidden)' });
    expect(Object.keys(n.data as object)).toEqual(['postgres-password', 'redis-password']);
    expect(n.stringData).toEqual({ token: '(hidden)' });
    expect(n.type).toBe('Opaque');
    expect(JSON.stringify(n)).not.toMatch(/cmVk|cGc=|plain/);
  });

  it("leaves a ConfigMap's data alone", () => {
    expect(normalize({ kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }).data).toEqual({ a: '1' });
  });

  it('does not modify its input', () => {
    const live = liveDeployment();
    const copy = structuredClone(live);
    normalize(live);
    expect(live).toEqual(copy);
    const secret = { kind: 'Secret', metadata: { name: 's' }, data: { k: 'dg==' } };
    normalize(secret);
    expect(secret.data.k).toBe('dg==');
  });

  it('copes with objects without metadata', () => {
    expect(normalize({})).toEqual({});
    expect(normalize({ kind: 'Secret' })).toEqual({ kind: 'Secret' });
  });
});

describe('diffObjects', () => {
  it('finds no change between a live object and its dry-run answer that differ only in server fields', () => {
    const live = liveDeployment();
    expect(diffObjects(live, dryRunOf(live), 'Deployment/imagepod/imagepod-api')).toEqual({ changed: false, diff: '' });
  });

  it('ignores map key order', () => {
    const a = { kind: 'ConfigMap', metadata: { name: 'c', labels: { x: '1', y: '2' } }, data: { b: '2', a: '1' } };
    const b = { data: { a: '1', b: '2' }, metadata: { labels: { y: '2', x: '1' }, name: 'c' }, kind: 'ConfigMap' };
    expect(diffObjects(a, b).changed).toBe(false);
  });

  it("shows a real change as a unified YAML diff of just that line, with the object's name", () => {
    const live = liveDeployment({ replicas: 5 });
    const d = diffObjects(live, dryRunOf(live, { replicas: 2 }), 'Deployment/imagepod/imagepod-api');
    expect(d.changed).toBe(true);
    expect(d.diff).toContain('--- Deployment/imagepod/imagepod-api (live)');
    expect(d.diff).toContain('+++ Deployment/imagepod/imagepod-api (after deploy)');
    const lines = d.diff.split('\n').filter((l) => /^[-+][^-+]/.test(l));
    expect(lines).toEqual(['-  replicas: 5', '+  replicas: 2']);
    expect(d.diff).not.toMatch(/resourceVersion|managedFields|generation|status:/);
  });

  it('shows a create (live = {}) as the whole object, added', () => {
    const o = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'n' }, data: { a: '1' } };
    const d = diffObjects({}, o, 'ConfigMap/n/c');
    expect(d.changed).toBe(true);
    expect(d.diff).toContain('+kind: ConfigMap');
    expect(d.diff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual(['-{}']);
  });

  it('does not reveal or compare Secret values: a new value is no change, a new key is one', () => {
    const s = (data: Record<string, string>) => ({ kind: 'Secret', metadata: { name: 's' }, data });
    expect(diffObjects(s({ k: 'b2xk' }), s({ k: 'bmV3' })).changed).toBe(false);
    const added = diffObjects(s({ k: 'b2xk' }), s({ k: 'bmV3', k2: 'eA==' }));
    expect(added.changed).toBe(true);
    expect(added.diff).toContain('+  k2: (hidden)');
    expect(added.diff).not.toMatch(/b2xk|bmV3|eA==/);
  });

  it('is unchanged for any object compared with itself (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const o = { kind: 'ConfigMap', metadata: { name: 'x' }, data: v };
        expect(diffObjects(o, structuredClone(o))).toEqual({ changed: false, diff: '' });
      }),
    );
  });
});

describe('changedPaths', () => {
  it('is empty when only server fields differ', () => {
    const live = liveDeployment();
    expect(changedPaths(live, dryRunOf(live))).toEqual([]);
  });

  it('names a scalar change by its path', () => {
    const live = liveDeployment({ replicas: 5 });
    expect(changedPaths(live, dryRunOf(live, { replicas: 2 }))).toEqual(['spec.replicas']);
  });

  it('names the array that holds a change (arrays are compared whole)', () => {
    const live = liveDeployment({ replicas: 5, env: 'debug' });
    expect(changedPaths(live, dryRunOf(live, { replicas: 2 }))).toEqual([
      'spec.replicas',
      'spec.template.spec.containers',
    ]);
  });

  it('names added and removed keys, sorted', () => {
    expect(
      changedPaths(
        { metadata: { name: 'x' }, spec: { a: 1, c: 3 } },
        { metadata: { name: 'x' }, spec: { b: 2, c: 3 } },
      ),
    ).toEqual(['spec.a', 'spec.b']);
  });

  it('uses the prefix and falls back to "." for whole values', () => {
    expect(changedPaths({ spec: { replicas: 1 } }, { spec: { replicas: 2 } }, 'Deployment')).toEqual([
      'Deployment.spec.replicas',
    ]);
    expect(changedPaths({ spec: 1 }, { spec: { a: 1 } })).toEqual(['spec']);
    expect(changedPaths({ spec: [1] }, { spec: [2] })).toEqual(['spec']);
  });

  it('does not report Secret values', () => {
    expect(changedPaths({ kind: 'Secret', data: { k: 'YQ==' } }, { kind: 'Secret', data: { k: 'Yg==' } })).toEqual([]);
  });

  it('agrees with diffObjects on whether anything changed (property, same key order)', () => {
    const v = fc.dictionary(
      fc.constantFrom('a', 'b', 'c'),
      fc.oneof(
        fc.integer({ min: 0, max: 2 }),
        fc.dictionary(fc.constantFrom('x', 'y'), fc.integer({ min: 0, max: 1 })),
      ),
    );
    fc.assert(
      fc.property(v, v, (a, b) => {
        const oa = { kind: 'ConfigMap', metadata: { name: 'n' }, spec: a };
        const ob = { kind: 'ConfigMap', metadata: { name: 'n' }, spec: b };
        expect(changedPaths(oa, ob).length > 0).toBe(diffObjects(oa, ob).changed);
      }),
    );
  });
});

describe('toYaml', () => {
  it('sorts keys and never folds long lines', () => {
    const long = 'x'.repeat(300);
    expect(toYaml({ b: 1, a: { d: long, c: 2 } })).toBe(`a:\n  c: 2\n  d: ${long}\nb: 1\n`);
  });
});
