import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Workload } from '@/lib/kube-types';
import { fieldManagers, type ManagedFieldsEntry } from '@/lib/object-yaml/managed-fields';
import type { KubeObj } from '@/lib/deploy/transform';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  devKubeConfig,
  eventually,
  kubectl,
  kubectlJson,
  signIn,
  uniqueName,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const W = '@/app/api/workloads/[kind]/[namespace]/[name]';
const { PATCH: scale } = await import(`${W}/scale/route`);
const { POST: restart } = await import(`${W}/restart/route`);
const { POST: pause } = await import(`${W}/pause/route`);
const { POST: resume } = await import(`${W}/resume/route`);
const { POST: undo } = await import(`${W}/undo/route`);
const { PATCH: labelNode } = await import('@/app/api/nodes/[name]/labels/route');
const { PATCH: taints } = await import('@/app/api/nodes/[name]/taints/route');
const { POST: cordon } = await import('@/app/api/nodes/[name]/cordon/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { applyForDeploy, previewObject, serverSideApply } = await import('@/lib/server/deploy/apply');

const users = new TestUsers();
const NS = uniqueName('it-managers');
/** Other tests share the nodes: a label and a PreferNoSchedule taint of this run's own, a cordon for a moment. */
const NODE = 'cpu-node-2';
const KEY = `e2e.imagepod.io/${randomBytes(3).toString('hex')}`;
let admin = '';

/** The managers owning a field (a path such as `spec.replicas`, or a prefix of one ending in `.`/`[`). */
function owners(o: { metadata: { managedFields?: unknown } }, field: string): string[] {
  const all = fieldManagers(o.metadata.managedFields as ManagedFieldsEntry[] | undefined);
  return all
    .filter((m) => m.fields.some((f) => f === field || (/[.[]$/.test(field) && f.startsWith(field))))
    .map((m) => m.manager);
}
const allManagers = (o: { metadata: { managedFields?: unknown } }) =>
  fieldManagers(o.metadata.managedFields as ManagedFieldsEntry[] | undefined).map((m) => m.manager);

const deployment = (name: string, replicas: number, image = 'registry.example/app:1'): KubeObj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: NS },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image }] } },
  },
});
const workload = (name: string) =>
  kubectlJson<Workload>(['get', 'deployment', name, '-n', NS, '--show-managed-fields']);
const node = () => kubectlJson<Node>(['get', 'node', NODE, '--show-managed-fields']);
const act = (handler: typeof restart, verb: string, name: string, body: unknown = {}, method = 'POST') =>
  callRoute<Record<string, unknown>>(handler, `/api/workloads/deployments/${NS}/${name}/${verb}`, {
    method,
    cookie: admin,
    body,
    params: { kind: 'deployments', namespace: NS, name },
  });
const scaleTo = (name: string, replicas: number) => act(scale, 'scale', name, { replicas }, 'PATCH');

beforeAll(async () => {
  await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined); // the audit trail's namespace
  await users.create();
  await createNamespace(NS);
  admin = await signIn(await users.token('admin'));
  getClusterCache();
  await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
});
afterAll(async () => {
  await kubectl(['uncordon', NODE]).catch(() => undefined);
  await kubectl(['label', 'node', NODE, `${KEY}-`]).catch(() => undefined);
  await kubectl(['taint', 'node', NODE, `${KEY}-`]).catch(() => undefined);
  await kubectl(['delete', 'namespace', NS, '--wait=false']);
  await users.remove();
});

describe("the panel's writes carry its name (managedFields on the devcluster)", () => {
  it('scale, restart, pause, resume and undo each write under imagepod-dashboard/<action>, never undici', async () => {
    await apply(deployment('api', 1));
    await kubectl(['set', 'image', 'deployment/api', '-n', NS, 'c=registry.example/app:2']);
    // Two ReplicaSets: a history to undo.
    await eventually(
      async () =>
        (await kubectlJson<{ items: unknown[] }>(['get', 'replicasets', '-n', NS, '-l', 'app=api'])).items.length === 2,
      30_000,
      'two replicasets',
    );

    expect((await scaleTo('api', 2)).status).toBe(200);
    expect(owners(await workload('api'), 'spec.replicas')).toContain('imagepod-dashboard/scale');

    expect((await act(restart, 'restart', 'api')).status).toBe(200);
    expect(
      owners(await workload('api'), 'spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]'),
    ).toEqual(['imagepod-dashboard/restart']);

    expect((await act(pause, 'pause', 'api')).status).toBe(200);
    expect(owners(await workload('api'), 'spec.paused')).toEqual(['imagepod-dashboard/pause']);
    expect((await act(resume, 'resume', 'api')).status).toBe(200);
    // `paused: false` is not stored (omitempty), so nobody owns the field after a resume.
    expect(owners(await workload('api'), 'spec.paused')).toEqual([]);

    const undone = await act(undo, 'undo', 'api', { toRevision: 1 });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const w = await workload('api');
    expect(w.spec!.template!.spec.containers[0]!.image).toBe('registry.example/app:1');
    expect(owners(w, 'spec.template.spec.containers[name=c].image')).toContain('imagepod-dashboard/undo');
    expect(allManagers(w)).not.toContain('undici');
  });

  it('labels, taints, cordon and uncordon each write under imagepod-dashboard/<action>', async () => {
    const n = await node();
    const labelled = await callRoute<{ node: { resourceVersion: string } }>(labelNode, `/api/nodes/${NODE}/labels`, {
      method: 'PATCH',
      cookie: admin,
      body: { edits: [{ op: 'set', key: KEY, value: 'one' }], resourceVersion: n.metadata.resourceVersion },
      params: { name: NODE },
    });
    expect(labelled.status, JSON.stringify(labelled.body)).toBe(200);
    expect(owners(await node(), `metadata.labels["${KEY}"]`)).toEqual(['imagepod-dashboard/labels']);

    const m = await node();
    const plain = (m.spec?.taints ?? []).map(({ key, value, effect }) => ({ key, value, effect }));
    const tainted = await callRoute(taints, `/api/nodes/${NODE}/taints`, {
      method: 'PATCH',
      cookie: admin,
      body: {
        taints: [...plain, { key: KEY, value: 'x', effect: 'PreferNoSchedule' }],
        resourceVersion: m.metadata.resourceVersion,
      },
      params: { name: NODE },
    });
    expect(tainted.status, JSON.stringify(tainted.body)).toBe(200);
    expect(owners(await node(), 'spec.taints')).toContain('imagepod-dashboard/taints');

    const setCordon = (unschedulable: boolean) =>
      callRoute(cordon, `/api/nodes/${NODE}/cordon`, {
        cookie: admin,
        body: { unschedulable },
        params: { name: NODE },
      });
    expect((await setCordon(true)).status).toBe(200);
    expect(owners(await node(), 'spec.unschedulable')).toEqual(['imagepod-dashboard/cordon']);
    expect((await setCordon(false)).status).toBe(200);
    // `unschedulable: false` is not stored (omitempty): after an uncordon nobody owns the field.
    expect(owners(await node(), 'spec.unschedulable')).toEqual([]);
    expect(allManagers(await node())).not.toContain('undici');
  });
});

describe('a deploy after a scale through the panel: both numbers, and "keep live replicas"', () => {
  const kc = devKubeConfig();
  const signal = () => AbortSignal.timeout(20_000);

  it('shows live 3 / bundle 2 as drift by the panel’s scale; keeping it applies 3 and later scales still work', async () => {
    const bundle = deployment('web', 2);
    await serverSideApply(kc, bundle); // as a deploy applied it: imagepod-dashboard owns spec.replicas
    expect((await scaleTo('web', 3)).status).toBe(200);

    const restoring = await previewObject(
      kc,
      bundle,
      { takeOwnership: false, keepLiveReplicas: false },
      false,
      signal(),
    );
    expect(restoring.action).toBe('drift');
    expect(restoring.replicas).toEqual({ live: 3, bundle: 2, managers: ['imagepod-dashboard/scale'] });
    expect(restoring.conflicts).toEqual([{ field: '.spec.replicas', manager: 'imagepod-dashboard/scale' }]);
    expect(restoring.diff).toContain('+  replicas: 2');

    const keeping = await previewObject(kc, bundle, { takeOwnership: false, keepLiveReplicas: true }, false, signal());
    expect(keeping.action).toBe('unchanged');
    expect(keeping.keepsLiveReplicas).toBe(true);
    expect(keeping.replicas).toMatchObject({ live: 3, bundle: 2 });
    expect(keeping.message).toContain('keeps the live 3 replicas (bundle 2)');

    const kept = await applyForDeploy(kc, bundle, { takeOwnership: false, keepLiveReplicas: true });
    expect(kept.note).toBe('kept the live 3 replicas (bundle 2)');
    let w = await workload('web');
    expect(w.spec!.replicas).toBe(3);
    // The deploy's manager now shares the field at the live number; nothing was forced off it.
    expect(owners(w, 'spec.replicas').sort()).toEqual(['imagepod-dashboard', 'imagepod-dashboard/scale']);

    // A later scale is the operator's as before; a deploy that does not keep it restores the bundle's.
    expect((await scaleTo('web', 4)).status).toBe(200);
    expect((await workload('web')).spec!.replicas).toBe(4);
    const restored = await applyForDeploy(kc, bundle, { takeOwnership: false, keepLiveReplicas: false });
    expect(restored.note).toBe('restored fields changed by imagepod-dashboard/scale');
    w = await workload('web');
    expect(w.spec!.replicas).toBe(2);
    expect(owners(w, 'spec.replicas')).toEqual(['imagepod-dashboard']);
  });

  it('keeping live replicas when they agree with the bundle changes nothing and claims nothing', async () => {
    const bundle = deployment('same', 2);
    await serverSideApply(kc, bundle);
    const p = await previewObject(kc, bundle, { takeOwnership: false, keepLiveReplicas: true }, false, signal());
    expect(p).toMatchObject({ action: 'unchanged', replicas: null, keepsLiveReplicas: false });
    const before = await workload('same');
    const r = await applyForDeploy(kc, bundle, { takeOwnership: false, keepLiveReplicas: true });
    expect(r.note).toBeNull();
    const after = await workload('same');
    expect(after.metadata.generation).toBe(before.metadata.generation);
    expect(owners(after, 'spec.replicas')).toEqual(['imagepod-dashboard']);
  });
});
