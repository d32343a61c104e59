import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  podManifest,
  signIn,
  uniqueName,
  type RouteHandler,
} from './helpers';

// The route handlers use the process-wide cache; point it at the devcluster before first use.
process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: getPods } = await import('@/app/api/pods/route');
const { GET: getNodes } = await import('@/app/api/nodes/route');
const { GET: getNode } = await import('@/app/api/nodes/[name]/route');
const { GET: getWorkloads } = await import('@/app/api/workloads/route');
const { GET: getEvents } = await import('@/app/api/events/route');
const { GET: getHealth } = await import('@/app/api/health/route');

type Seg = { params: Promise<unknown> };
const noParams: Seg = { params: Promise.resolve({}) };
const users = new TestUsers();
let cookie = '';
/** Calls a route as the signed-in cluster admin. */
const call = async (h: RouteHandler, url: string, seg: Seg = noParams) => {
  const r = await callRoute<
    Record<string, unknown> & { items?: { name: string; key: string; nodeName?: string | null }[] }
  >(h, url, { cookie, params: (await seg.params) as Record<string, string> });
  return { status: r.status, body: r.body };
};

const NS = uniqueName('it-routes');

describe('/api read routes on the devcluster', () => {
  beforeAll(async () => {
    await users.create();
    cookie = await signIn(await users.token('admin'));
    await createNamespace(NS);
    await apply(podManifest('web-1', NS, { labels: { app: 'web', tier: 'front' } }));
    await apply(podManifest('web-2', NS, { labels: { app: 'web', tier: 'back' } }));
    await apply(podManifest('db-1', NS, { labels: { app: 'db' }, gpus: 1 }));
    await eventually(
      async () => (await call(getPods, `/api/pods?namespace=${NS}`)).body.items?.length === 3,
      30_000,
      'pods in /api/pods',
    );
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
  });

  it('answers label selectors exactly as kubectl -l does', async () => {
    for (const sel of ['app=web', 'app in (web,db),tier!=front', '!tier', 'tier', 'app notin (web)']) {
      const want = (await kubectl(['get', 'pods', '-n', NS, '-l', sel, '-o', 'name']))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((s) => s.replace('pod/', ''))
        .sort();
      const got = (await call(getPods, `/api/pods?namespace=${NS}&labelSelector=${encodeURIComponent(sel)}`)).body
        .items!.map((p) => p.name)
        .sort();
      expect(got, sel).toEqual(want);
    }
  });

  it('lists nodes as kubectl does, and one node with its pods and GPU allocation', async () => {
    const want = (await kubectl(['get', 'nodes', '-o', 'name']))
      .trim()
      .split('\n')
      .map((s) => s.replace('node/', ''))
      .sort();
    const nodes = await call(getNodes, '/api/nodes');
    expect(nodes.status).toBe(200);
    expect(nodes.body.items!.map((n) => n.name).sort()).toEqual(want);
    const gpuPod = await eventually(
      async () => {
        const p = (await call(getPods, `/api/pods?namespace=${NS}&labelSelector=app%3Ddb`)).body.items?.[0];
        return p?.nodeName ? p : null;
      },
      20_000,
      'db pod bound',
    );
    const one = await call(getNode, `/api/nodes/${gpuPod.nodeName}`, {
      params: Promise.resolve({ name: gpuPod.nodeName! }),
    });
    expect(one.status).toBe(200);
    const gpu = one.body.gpu as { resource: string; requested: number; allocatable: number; free: number }[];
    const nodeJson = JSON.parse(
      await kubectl(['get', 'pods', '-A', '--field-selector', `spec.nodeName=${gpuPod.nodeName}`, '-o', 'json']),
    ) as {
      items: {
        status: { phase: string };
        spec: { containers: { resources?: { requests?: Record<string, string> } }[] };
      }[];
    };
    const requested = nodeJson.items
      .filter((p) => !['Succeeded', 'Failed'].includes(p.status.phase))
      .flatMap((p) => p.spec.containers)
      .reduce((s, c) => s + Number(c.resources?.requests?.['nvidia.com/gpu'] ?? 0), 0);
    expect(gpu[0]?.requested).toBe(requested);
    expect(gpu[0]!.free).toBe(gpu[0]!.allocatable - requested);
  });

  it('serves workloads, events and health', async () => {
    expect((await call(getWorkloads, '/api/workloads')).status).toBe(200);
    expect((await call(getEvents, '/api/events?type=Warning')).status).toBe(200);
    const h = await call(getHealth, '/api/health');
    expect(h.body.state).toBe('synced');
  });

  describe('bad input gets a clear 4xx', () => {
    it.each([
      ['/api/pods?labelSelector=app%20in%20(', 400, 'labelSelector'],
      ['/api/pods?labelSelector=a%3Db%20c', 400, 'labelSelector'],
      [`/api/pods?labelSelector=${'x'.repeat(5000)}`, 400, 'labelSelector'],
      ['/api/pods?namespace=Not_A_Namespace', 400, 'namespace'],
      ['/api/pods?namespace=%3Cscript%3E', 400, 'namespace'],
      ['/api/pods?bogus=1', 400, undefined],
      ['/api/pods?namespace=a&namespace=b', 400, 'namespace'],
      ['/api/events?type=Evil', 400, 'type'],
      ['/api/workloads?namespace=../../etc', 400, 'namespace'],
    ])('%s → %i', async (url, status, field) => {
      const r = await call(
        url.startsWith('/api/events') ? getEvents : url.startsWith('/api/workloads') ? getWorkloads : getPods,
        url,
      );
      expect(r.status).toBe(status);
      expect(r.body.error?.message).toBeTruthy();
      if (field) expect(r.body.error?.field ?? r.body.error?.message).toContain(field);
    });

    it('unknown node → 404, hostile node name → 400', async () => {
      const missing = await call(getNode, '/api/nodes/no-such-node', {
        params: Promise.resolve({ name: 'no-such-node' }),
      });
      expect(missing.status).toBe(404);
      const evil = await call(getNode, '/api/nodes/..%2F..', { params: Promise.resolve({ name: '../..' }) });
      expect(evil.status).toBe(400);
      const long = await call(getNode, '/api/nodes/x', { params: Promise.resolve({ name: 'a'.repeat(300) }) });
      expect(long.status).toBe(400);
    });
  });
});
