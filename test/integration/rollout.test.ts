import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workload } from '@/lib/kube-types';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  kubectlJson,
  signIn,
  uniqueName,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const W = '@/app/api/workloads/[kind]/[namespace]/[name]';
const { POST: restart } = await import(`${W}/restart/route`);
const { POST: pause } = await import(`${W}/pause/route`);
const { POST: resume } = await import(`${W}/resume/route`);
const { GET: history } = await import(`${W}/history/route`);
const { POST: undo } = await import(`${W}/undo/route`);
const { GET: audit } = await import('@/app/api/audit/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');

const users = new TestUsers();
const NS = uniqueName('it-rollout');
const cookies = { admin: '', viewer: '' };
type Row = { revision: number; name: string; current: boolean; images: string[]; changeCause: string | null };

function deployment(image: string) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'api', namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'c', image }] } },
    },
  };
}
const daemonSet = (image: string) => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: NS },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    // Selects no node: the history is the point here, not the pods.
    template: {
      metadata: { labels: { app: 'agent' } },
      spec: { nodeSelector: { [`${NS}.example/none`]: 'x' }, containers: [{ name: 'c', image }] },
    },
  },
});

const call = (
  handler: typeof restart,
  verb: string,
  cookie: string,
  body: unknown = {},
  kind = 'deployments',
  name = 'api',
) =>
  callRoute<Record<string, unknown>>(handler, `/api/workloads/${kind}/${NS}/${name}/${verb}`, {
    method: verb === 'history' ? 'GET' : 'POST',
    cookie,
    body: verb === 'history' ? undefined : body,
    params: { kind, namespace: NS, name },
  });
const getHistory = async (kind = 'deployments', name = 'api') => {
  const r = await call(history, 'history', cookies.admin, undefined, kind, name);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.rows as Row[];
};
const live = (kind = 'deployment', name = 'api') => kubectlJson<Workload>(['get', kind, name, '-n', NS]);
const image = async (kind = 'deployment', name = 'api') =>
  (await live(kind, name)).spec!.template!.spec.containers[0]!.image;
/** History as the cache sees it once the controller has settled (revision count and current image). */
const settledHistory = (count: number, currentImage: string, kind = 'deployments', name = 'api') =>
  eventually(
    async () => {
      const rows = await getHistory(kind, name);
      return rows.length === count && rows.find((r) => r.current)?.images[0] === currentImage ? rows : null;
    },
    20_000,
    `${count} revisions, current ${currentImage}`,
  );
const auditRows = async (action: string) => {
  const r = await callRoute<{
    items: { action: string; result: string; user: string; target: { namespace?: string; name: string } | null }[];
  }>(audit, `/api/audit?action=${action}`, { cookie: cookies.admin });
  return r.body.items.filter((i) => i.target?.namespace === NS);
};

describe('rollout: restart, pause, resume, history, undo on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined); // the audit trail's namespace
    await users.create();
    await createNamespace(NS);
    await apply(deployment('registry.example/app:1'));
    await apply(daemonSet('registry.example/agent:1'));
    cookies.admin = await signIn(await users.token('admin'));
    cookies.viewer = await signIn(await users.token('viewer'));
    await eventually(
      () => getClusterCache().views.workloads.get(`Deployment/${NS}/api`)?.ready === 1,
      30_000,
      'deployment ready',
    );
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
  });

  it('restart stamps the template and the controller makes a new ReplicaSet (revision 2)', async () => {
    const res = await call(restart, 'restart', cookies.admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await live()).spec!.template!.metadata!.annotations!['kubectl.kubernetes.io/restartedAt']).toBe(
      res.body.restartedAt,
    );
    const rows = await settledHistory(2, 'registry.example/app:1');
    expect(rows.map((r) => [r.revision, r.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    const rs = await kubectlJson<{ items: unknown[] }>(['get', 'replicasets', '-n', NS, '-l', 'app=api']);
    expect(rs.items).toHaveLength(2);
  });

  it('history lists a new revision with its image and change-cause', async () => {
    await kubectl(['set', 'image', 'deployment/api', 'c=registry.example/app:2', '-n', NS]);
    await kubectl(['annotate', 'deployment/api', '-n', NS, 'kubernetes.io/change-cause=ship app 2', '--overwrite']);
    const rows = await settledHistory(3, 'registry.example/app:2');
    expect(rows[0]).toMatchObject({ revision: 3, current: true, images: ['registry.example/app:2'] });
    await eventually(async () => (await getHistory())[0]?.changeCause === 'ship app 2', 20_000, 'change-cause');
  });

  it('undo to revision 1 restores that template (image, no restart stamp); undo without a revision goes back to the previous', async () => {
    const res = await call(undo, 'undo', cookies.admin, { toRevision: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ revision: 1, skipped: false });
    const d = await live();
    expect(d.spec!.template!.spec.containers[0]!.image).toBe('registry.example/app:1');
    expect(d.spec!.template!.metadata!.annotations?.['kubectl.kubernetes.io/restartedAt']).toBeUndefined();
    const rows = await settledHistory(3, 'registry.example/app:1');
    expect(rows[0]).toMatchObject({ revision: 4, current: true });
    const back = await call(undo, 'undo', cookies.admin, {});
    expect(back.body).toMatchObject({ revision: 3, skipped: false });
    expect(await image()).toBe('registry.example/app:2');
    await settledHistory(3, 'registry.example/app:2');
  });

  it('undo to the current revision changes nothing (as kubectl skips it)', async () => {
    const current = (await getHistory()).find((r) => r.current)!;
    // "Nothing changed" = the same generation: it moves with spec changes only (status updates move the resourceVersion).
    const before = (await live()).metadata.generation;
    const res = await call(undo, 'undo', cookies.admin, { toRevision: current.revision });
    expect(res.body).toMatchObject({ skipped: true });
    expect((await live()).metadata.generation).toBe(before);
  });

  it('pause and resume; a paused Deployment refuses restart and undo with 409', async () => {
    expect((await call(pause, 'pause', cookies.admin)).body).toMatchObject({ paused: true });
    expect((await live()).spec!.paused).toBe(true);
    for (const [h, verb] of [
      [restart, 'restart'],
      [undo, 'undo'],
    ] as const) {
      const r = await call(h, verb, cookies.admin);
      expect(r.status).toBe(409);
      expect(r.body.error?.message).toMatch(/paused: resume the rollout first/);
    }
    expect((await call(resume, 'resume', cookies.admin)).body).toMatchObject({ paused: false });
    expect((await live()).spec!.paused).toBeFalsy();
  });

  it('DaemonSet: history from ControllerRevisions, undo applies the revision, restart stamps it', async () => {
    await eventually(
      async () => (await getHistory('daemonsets', 'agent')).length === 1,
      20_000,
      'first controller revision',
    );
    await kubectl(['set', 'image', 'daemonset/agent', 'c=registry.example/agent:2', '-n', NS]);
    const rows = await settledHistory(2, 'registry.example/agent:2', 'daemonsets', 'agent');
    expect(rows.map((r) => r.revision)).toEqual([2, 1]);
    const res = await call(undo, 'undo', cookies.admin, { toRevision: 1 }, 'daemonsets', 'agent');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await image('daemonset', 'agent')).toBe('registry.example/agent:1');
    const after = await settledHistory(2, 'registry.example/agent:1', 'daemonsets', 'agent');
    expect(after[0]).toMatchObject({ revision: 3, current: true });
    expect((await call(restart, 'restart', cookies.admin, {}, 'daemonsets', 'agent')).status).toBe(200);
    expect(
      (await live('daemonset', 'agent')).spec!.template!.metadata!.annotations!['kubectl.kubernetes.io/restartedAt'],
    ).toBeTruthy();
  });

  describe('bad input changes nothing', () => {
    it.each([
      [{ toRevision: -1 }, 400, 'toRevision'],
      [{ toRevision: 1.5 }, 400, 'toRevision'],
      [{ toRevision: '2' }, 400, 'toRevision'],
      [{ toRevision: 99 }, 404, 'toRevision'],
      [{ revision: 1 }, 400, undefined],
    ])('undo %j → %i', async (body, status, field) => {
      const before = (await live()).metadata.generation;
      const res = await call(undo, 'undo', cookies.admin, body);
      expect(res.status).toBe(status);
      expect(res.body.error?.field).toBe(field);
      expect((await live()).metadata.generation).toBe(before);
    });

    it('refuses pause on a DaemonSet, hostile names and unknown workloads', async () => {
      const ds = await call(pause, 'pause', cookies.admin, {}, 'daemonsets', 'agent');
      expect(ds.status).toBe(400);
      expect(ds.body.error?.field).toBe('kind');
      expect((await call(restart, 'restart', cookies.admin, {}, 'deployments', '../x')).body.error?.field).toBe('name');
      expect((await call(restart, 'restart', cookies.admin, {}, 'deployments', 'missing')).status).toBe(404);
      expect((await call(history, 'history', cookies.admin, undefined, 'deployments', 'missing')).status).toBe(404);
      expect((await call(restart, 'restart', cookies.admin, { now: true })).status).toBe(400);
    });
  });

  it('a viewer gets 403 from Kubernetes on every write, and nothing changes; the denials are audited', async () => {
    const before = (await live()).metadata.generation;
    const older = (await getHistory()).find((r) => !r.current)!.revision;
    for (const [h, verb] of [
      [restart, 'restart'],
      [pause, 'pause'],
      [resume, 'resume'],
      [undo, 'undo'],
    ] as const) {
      const r = await call(h, verb, cookies.viewer, verb === 'undo' ? { toRevision: older } : {});
      expect(r.status, verb).toBe(403);
      expect(r.body.error?.message, verb).toContain(users.username('viewer'));
    }
    expect((await live()).metadata.generation).toBe(before);
    expect((await call(history, 'history', cookies.viewer)).status).toBe(200); // reading is allowed to `view`
    await eventually(
      async () =>
        (await auditRows('restart')).some((r) => r.result === 'denied' && r.user === users.username('viewer')),
      15_000,
      'denied restart',
    );
  });

  it('every action is in the audit trail with the user and the workload', async () => {
    for (const action of ['restart', 'pause', 'resume', 'undo']) {
      await eventually(
        async () => (await auditRows(action)).some((r) => r.result === 'success' && r.user === users.username('admin')),
        15_000,
        `${action} audit row`,
      );
    }
  });
});
