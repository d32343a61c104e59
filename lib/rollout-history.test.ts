import { describe, expect, it } from 'vitest';
import type { PodTemplate, Workload } from './kube-types';
import {
  controllerRevisionHistory,
  controllerRevisionUndoPatch,
  deploymentHistory,
  deploymentUndoPatch,
  pickRevision,
  replicaSetTemplate,
  revisionTemplate,
  sameTemplate,
  type ControllerRevision,
} from './rollout-history';
import { templateDiff } from './template-diff';

const template = (image: string, extra: Record<string, string> = {}): PodTemplate => ({
  metadata: { labels: { app: 'api', ...extra } },
  spec: { containers: [{ name: 'api', image }] },
});
const owner = (uid: string) => [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api', uid, controller: true }];
const deployment = (image: string, annotations: Record<string, string> = {}): Workload => ({
  metadata: { name: 'api', namespace: 'ns', uid: 'd1', resourceVersion: '42', annotations },
  spec: { template: template(image) },
});
const rs = (
  name: string,
  revision: string | undefined,
  image: string,
  opts: { uid?: string; annotations?: Record<string, string> } = {},
): Workload => ({
  metadata: {
    name,
    namespace: 'ns',
    uid: name,
    creationTimestamp: '2026-01-01T00:00:00Z',
    annotations: { ...(revision ? { 'deployment.kubernetes.io/revision': revision } : {}), ...opts.annotations },
    ownerReferences: owner(opts.uid ?? 'd1'),
  },
  spec: { template: template(image, { 'pod-template-hash': `${name}-hash` }) },
});
const cr = (name: string, revision: number, image: string, uid = 'w1'): ControllerRevision => ({
  metadata: {
    name,
    uid: name,
    ownerReferences: owner(uid),
    annotations: { 'kubernetes.io/change-cause': `set ${image}` },
  },
  revision,
  data: { spec: { template: { $patch: 'replace', ...template(image) } } },
});

describe('deploymentHistory', () => {
  it('lists the owned ReplicaSets newest first, marks the current template, reads change-cause and images', () => {
    const rows = deploymentHistory(deployment('api:2'), [
      rs('a', '1', 'api:1', { annotations: { 'kubernetes.io/change-cause': 'first' } }),
      rs('b', '2', 'api:2'),
      rs('other', '3', 'api:3', { uid: 'someone-else' }),
      rs('norev', undefined, 'api:4'),
    ]);
    expect(rows.map((r) => [r.revision, r.name, r.current, r.images, r.changeCause])).toEqual([
      [2, 'b', true, ['api:2'], null],
      [1, 'a', false, ['api:1'], 'first'],
    ]);
    expect(rows[0]!.template.metadata?.labels).toEqual({ app: 'api' });
  });

  it('compares templates whatever their key order', () => {
    const a: PodTemplate = {
      spec: { containers: [{ name: 'c', image: 'x' }] },
      metadata: { labels: { b: '1', a: '2' } },
    };
    const b: PodTemplate = {
      metadata: { labels: { a: '2', b: '1' } },
      spec: { containers: [{ image: 'x', name: 'c' }] },
    };
    expect(sameTemplate(a, b)).toBe(true);
    expect(sameTemplate(a, template('y'))).toBe(false);
  });
});

describe('controllerRevisionHistory', () => {
  it('lists owned revisions newest first; the highest is current; $patch is dropped', () => {
    const w: Workload = { metadata: { name: 'w', uid: 'w1' } };
    const rows = controllerRevisionHistory(w, [cr('w-1', 1, 'w:1'), cr('w-3', 3, 'w:3'), cr('x-2', 2, 'x:2', 'other')]);
    expect(rows.map((r) => [r.revision, r.current, r.changeCause])).toEqual([
      [3, true, 'set w:3'],
      [1, false, 'set w:1'],
    ]);
    expect(rows[0]!.template).toEqual(template('w:3'));
    expect(revisionTemplate({ metadata: { name: 'e', uid: 'e' }, revision: 1 })).toBeNull();
  });
});

describe('pickRevision (as kubectl rollout undo --to-revision)', () => {
  const rows = deploymentHistory(deployment('api:3'), [
    rs('a', '1', 'api:1'),
    rs('c', '3', 'api:3'),
    rs('b', '2', 'api:2'),
  ]);
  it('0 means the revision before the latest', () => {
    expect(pickRevision(rows, 0)).toMatchObject({ row: { revision: 2 } });
  });
  it('N picks that revision, or says which exist', () => {
    expect(pickRevision(rows, 1)).toMatchObject({ row: { revision: 1, name: 'a' } });
    expect(pickRevision(rows, 9)).toEqual({ error: 'revision 9 is not in the history (revisions: 1, 2, 3)' });
  });
  it('a single revision has no previous one', () => {
    expect(pickRevision(rows.slice(0, 1), 0)).toEqual({ error: 'there is no previous revision to roll back to' });
  });
});

describe('undo patches', () => {
  it('Deployment: precondition, template without the hash label, annotations as kubectl restores them', () => {
    const d = deployment('api:2', {
      'kubernetes.io/change-cause': 'now',
      'deployment.kubernetes.io/revision': '2',
      team: 'x',
    });
    const old = rs('a', '1', 'api:1', {
      annotations: { 'kubernetes.io/change-cause': 'before', 'deployment.kubernetes.io/desired-replicas': '3' },
    });
    expect(deploymentUndoPatch(d, old)).toEqual([
      { op: 'replace', path: '/metadata/resourceVersion', value: '42' },
      { op: 'replace', path: '/spec/template', value: template('api:1') },
      {
        op: 'add',
        path: '/metadata/annotations',
        value: { 'deployment.kubernetes.io/revision': '2', 'kubernetes.io/change-cause': 'before' },
      },
    ]);
    expect(replicaSetTemplate(old)?.metadata?.labels).toEqual({ app: 'api' });
    expect(old.spec?.template?.metadata?.labels?.['pod-template-hash']).toBe('a-hash'); // not mutated
  });

  it('StatefulSet/DaemonSet: the revision data with the workload resourceVersion', () => {
    const w: Workload = { metadata: { name: 'w', uid: 'w1', resourceVersion: '7' } };
    const patch = controllerRevisionUndoPatch(w, cr('w-1', 1, 'w:1'));
    expect(patch).toEqual({
      spec: { template: { $patch: 'replace', ...template('w:1') } },
      metadata: { resourceVersion: '7' },
    });
  });
});

describe('templateDiff', () => {
  it('shows the image line changing, with context', () => {
    const hunks = templateDiff(template('api:2'), template('api:1'));
    expect(hunks).toHaveLength(1);
    const lines = hunks[0]!.lines;
    expect(lines.filter((l) => l.kind === 'del').map((l) => l.text.trim())).toEqual(['- image: api:2']);
    expect(lines.filter((l) => l.kind === 'add').map((l) => l.text.trim())).toEqual(['- image: api:1']);
    expect(lines.some((l) => l.kind === 'ctx')).toBe(true);
    expect(hunks[0]!.header).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/);
  });
  it('is empty for equal templates', () => {
    expect(templateDiff(template('a'), template('a'))).toEqual([]);
  });
});
