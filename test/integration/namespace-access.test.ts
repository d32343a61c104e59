/**
 * Namespace-scoped users on the devcluster: a user bound to `view` in an EMPTY namespace is let in
 * (200 with empty lists, a namespace picker that offers it, a live stream that carries it), a
 * namespace created later shows up, and 403 is kept for where Kubernetes allows nothing. Also:
 * one caller's abort never fails another caller of the same access review, and the cache
 * health's API server address and counts go only to users who may list nodes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  devKubeConfig,
  eventually,
  kubectl,
  podManifest,
  readEvents,
  signIn,
  uniqueName,
  type RouteHandler,
  type TestUser,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: pods } = await import('@/app/api/pods/route');
const { GET: workloads } = await import('@/app/api/workloads/route');
const { GET: events } = await import('@/app/api/events/route');
const { GET: health } = await import('@/app/api/health/route');
const { GET: stream } = await import('@/app/api/stream/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { canI } = await import('@/lib/server/auth/access-review');
const { newSession } = await import('@/lib/server/auth/session');
/** Imported where used, so that the other tests of this file still run where the route is missing. */
const namespacesRoute = async (): Promise<RouteHandler> => (await import('@/app/api/namespaces/route')).GET;

type Items<T = { key: string; namespace: string }> = { items: T[] };
type NamespacesBody = Items<{ name: string; list: string[] }>;
type HealthBody = {
  state: string;
  server: string | null;
  streams?: number;
  resources: Record<string, { state: string; objects: number | null }>;
};

const users = new TestUsers();
const LATER = uniqueName('it-ns-later');
const cookies = {} as Record<TestUser, string>;
const SERVER = devKubeConfig().getCurrentCluster()!.server;

describe('namespace-scoped users on the devcluster', () => {
  beforeAll(async () => {
    await users.create();
    for (const u of ['admin', 'viewer', 'nobody', 'teamViewer', 'teamEditor'] as const)
      cookies[u] = await signIn(await users.token(u));
    await eventually(() => getClusterCache().everSynced(), 30_000, 'the cache synced');
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', LATER, '--wait=false', '--ignore-not-found']);
    await users.remove();
  });

  describe('a user bound to view in an empty namespace', () => {
    it('gets 200 with empty lists from the workloads, pods and events routes', async () => {
      for (const [h, url] of [
        [workloads, `/api/workloads?namespace=${users.teamA}`],
        [workloads, '/api/workloads'],
        [pods, '/api/pods'],
        [pods, `/api/pods?namespace=${users.teamA}`],
        [events, `/api/events?namespace=${users.teamA}`],
      ] as const) {
        // Within moments of the namespace's creation: the time the cache takes to see it.
        const r = await eventually(
          async () => {
            const a = await callRoute<Items>(h, url, { cookie: cookies.teamViewer });
            if (a.status !== 200) throw new Error(`${url}: ${a.status} ${JSON.stringify(a.body.error)}`);
            return a;
          },
          10_000,
          `200 from ${url}`,
        );
        expect(r.body.items, url).toEqual([]);
      }
    });

    it('gets 403 for a namespace it may not read, as kubectl get -n would; nobody gets 403 everywhere', async () => {
      const other = await callRoute(workloads, `/api/workloads?namespace=${users.teamB}`, {
        cookie: cookies.teamViewer,
      });
      expect(other.status).toBe(403);
      expect(other.body.error?.message).toContain(`in namespace ${users.teamB}`);
      expect((await callRoute(pods, `/api/pods?namespace=${users.teamB}`, { cookie: cookies.teamViewer })).status).toBe(
        403,
      );
      for (const h of [pods, workloads, events, await namespacesRoute()]) {
        const r = await callRoute(h, '/api/x', { cookie: cookies.nobody });
        expect(r.status).toBe(403);
        expect(r.body.error?.message).toContain(users.username('nobody'));
      }
    });

    it('GET /api/namespaces offers exactly its namespace, with what `view` lists there', async () => {
      const list = await namespacesRoute();
      const team = await callRoute<NamespacesBody>(list, '/api/namespaces', { cookie: cookies.teamViewer });
      expect(team.status).toBe(200);
      expect(team.body.items).toEqual([
        {
          name: users.teamA,
          list: expect.arrayContaining(['pods', 'events', 'deployments', 'statefulsets', 'daemonsets']),
        },
      ]);
      const editor = await callRoute<NamespacesBody>(list, '/api/namespaces', { cookie: cookies.teamEditor });
      expect(editor.body.items.map((n) => n.name)).toEqual([users.teamB]);
      // Cluster-wide `view`: every namespace that exists, the empty ones included.
      const viewer = await callRoute<NamespacesBody>(list, '/api/namespaces', { cookie: cookies.viewer });
      const names = viewer.body.items.map((n) => n.name);
      expect(names).toEqual(expect.arrayContaining([users.teamA, users.teamB, users.ns, 'default']));
      expect(names).toEqual([...names].sort());
    });

    it('sees a namespace created later, bound to it, without waiting for cached answers to expire', async () => {
      const list = await namespacesRoute();
      // Asked once before the namespace exists: the answers cached so far must not hide it.
      await callRoute(list, '/api/namespaces', { cookie: cookies.teamViewer });
      await createNamespace(LATER);
      await kubectl([
        'create',
        'rolebinding',
        'later-view',
        '--clusterrole=view',
        `--serviceaccount=${users.ns}:teamviewer`,
        '-n',
        LATER,
      ]);
      const t0 = Date.now();
      await eventually(
        async () =>
          (await callRoute<NamespacesBody>(list, '/api/namespaces', { cookie: cookies.teamViewer })).body.items.some(
            (n) => n.name === LATER,
          ),
        30_000,
        'the new namespace offered',
      );
      expect(Date.now() - t0).toBeLessThan(30_000);
      const r = await callRoute<Items>(workloads, `/api/workloads?namespace=${LATER}`, { cookie: cookies.teamViewer });
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([]);
    });

    it('the live stream carries its namespace though it was empty when the stream opened', async () => {
      const ctrl = new AbortController();
      const res = await stream(
        new NextRequest('http://127.0.0.1/api/stream', {
          signal: ctrl.signal,
          headers: { cookie: cookies.teamViewer },
        }),
        { params: Promise.resolve({}) },
      );
      try {
        expect(res.status).toBe(200);
        const hello = await readEvents(res, (ev) => ev.some((e) => e.event === 'hello'));
        const name = uniqueName('team-pod');
        await apply(podManifest(name, users.teamA));
        const got = await readEvents(res, (ev) =>
          ev.some(
            (e) =>
              e.event === 'delta' &&
              (e.data as { upserts: { key: string }[] }).upserts.some((u) => u.key === `${users.teamA}/${name}`),
          ),
        );
        expect(got.some((e) => e.event === 'delta')).toBe(true);
        // The hello's health, like /api/health, does not name the API server to this user.
        const h = (hello.find((e) => e.event === 'hello')!.data as { health: HealthBody }).health;
        expect(h.server).toBeNull();
        const r = await callRoute<Items>(pods, '/api/pods', { cookie: cookies.teamViewer });
        expect(r.body.items.map((p) => p.key)).toEqual([`${users.teamA}/${name}`]);
      } finally {
        ctrl.abort();
      }
    });
  });

  describe('the cache health', () => {
    it('names the API server and counts objects only for users who may list nodes', async () => {
      const admin = await callRoute<HealthBody>(health, '/api/health', { cookie: cookies.admin });
      expect(admin.status).toBe(200);
      expect(admin.body.server).toBe(SERVER);
      expect(typeof admin.body.streams).toBe('number');
      expect(typeof admin.body.resources.pods?.objects).toBe('number');
      const host = new URL(SERVER).host;
      for (const u of ['viewer', 'teamViewer', 'nobody'] as const) {
        const r = await callRoute<HealthBody>(health, '/api/health', { cookie: cookies[u] });
        expect(r.status, u).toBe(200);
        expect(r.body.state, u).toBe(admin.body.state);
        expect(r.body.server, u).toBeNull();
        expect(r.body.streams, u).toBeUndefined();
        expect(
          Object.values(r.body.resources).map((x) => x.objects),
          u,
        ).toEqual(Object.keys(admin.body.resources).map(() => null));
        expect(JSON.stringify(r.body), u).not.toContain(host);
      }
    });

    it("views' health follows the same rule", async () => {
      for (const [u, url] of [
        ['viewer', '/api/pods'],
        ['viewer', '/api/workloads?namespace=default'],
        ['teamViewer', '/api/workloads'],
      ] as const) {
        const r = await callRoute<{ health: HealthBody }>(url.startsWith('/api/pods') ? pods : workloads, url, {
          cookie: cookies[u],
        });
        expect(r.status, url).toBe(200);
        expect(r.body.health.server, `${u} ${url}`).toBeNull();
        expect(r.body.health.resources.pods?.objects, `${u} ${url}`).toBeNull();
      }
      const admin = await callRoute<{ health: HealthBody }>(pods, '/api/pods', { cookie: cookies.admin });
      expect(admin.body.health.server).toBe(SERVER);
    });
  });

  describe('access reviews shared by concurrent requests', () => {
    it("one caller's abort fails that caller only; the others get Kubernetes' answer", async () => {
      const token = await users.token('viewer');
      const s = newSession({ mode: 'token', token, user: { username: users.username('viewer'), groups: [] } });
      // A question no request has asked yet, so both callers share one new review.
      const q = { verb: 'list', resource: 'pods', namespace: uniqueName('it-ns-q') };
      const leaving = new AbortController();
      const first = canI(s, q, leaving.signal);
      const second = canI(s, q, new AbortController().signal);
      const third = canI(s, q);
      leaving.abort();
      await expect(first).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await expect(second).resolves.toMatchObject({ allowed: true });
      await expect(third).resolves.toMatchObject({ allowed: true });
      // The shared review finished and is remembered for the session.
      await expect(canI(s, q)).resolves.toMatchObject({ allowed: true });
    });
  });
});
