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
} from './helpers';

/**
 * Metrics follow Kubernetes RBAC, against the devcluster's real Prometheus and API server: a user
 * who may list pods only in one namespace reads only that namespace's series, in the presets,
 * the idle finders and the free PromQL box alike; node-wide series need the right to list nodes.
 */
process.env.IMAGEPOD_PROMETHEUS_URL ??= 'http://127.0.0.1:32750';
process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: panelRoute } = await import('@/app/api/metrics/panels/[panel]/route');
const { GET: queryRoute } = await import('@/app/api/metrics/query/route');
const { GET: idleRoute } = await import('@/app/api/metrics/idle-gpus/route');
const { GET: idleHoursRoute } = await import('@/app/api/metrics/idle-hours/route');
const { GET: accessRoute } = await import('@/app/api/metrics/access/route');

interface Answer {
  series: { labels: Record<string, string> }[];
  queries: { expr: string }[];
}
const users = new TestUsers();
/** GPU pods outside the team's namespace: their DCGM and kube-state-metrics series must stay hidden. */
const OTHER = uniqueName('it-metrics-other');
const cookies: Record<'admin' | 'viewer' | 'teamViewer' | 'nobody', string> = {
  admin: '',
  viewer: '',
  teamViewer: '',
  nobody: '',
};
type Who = keyof typeof cookies;

const promql = (who: Who, query: string, range = '15m') =>
  callRoute<Answer>(queryRoute, `/api/metrics/query?${new URLSearchParams({ query, range })}`, {
    cookie: cookies[who],
  });
const namespacesOf = (a: Answer) => [...new Set(a.series.map((s) => s.labels.namespace ?? ''))].sort();

describe('metrics are limited to what Kubernetes lets each user read', () => {
  beforeAll(async () => {
    await users.create();
    for (const who of Object.keys(cookies) as Who[]) cookies[who] = await signIn(await users.token(who));
    // The team's namespace gets one pod so it has series (kube-state-metrics, the simulator).
    await apply(podManifest('team-pod', users.teamA));
    await createNamespace(OTHER);
    await apply({
      ...podManifest('other-gpu', OTHER, { gpus: 1 }),
      metadata: { name: 'other-gpu', namespace: OTHER, annotations: { 'imagepod.io/sim-util': '2' } },
    });
    // Wait until Prometheus has scraped both pods, as the admin sees it.
    await eventually(
      async () => {
        const r = await promql('admin', `kube_pod_info{namespace=~"${users.teamA}|${OTHER}"}`);
        return namespacesOf(r.body).length === 2;
      },
      60_000,
      'both pods in kube-state-metrics',
    );
    await eventually(
      async () => (await promql('admin', `DCGM_FI_DEV_GPU_UTIL{namespace="${OTHER}"}`)).body.series?.length === 1,
      60_000,
      'the other namespace holds a GPU in DCGM',
    );
  }, 180_000);
  afterAll(async () => {
    await kubectl(['delete', 'namespace', OTHER, '--wait=false']);
    await users.remove();
  });

  it('a team viewer’s PromQL returns only the team namespace’s series, whatever the query asks', async () => {
    const team = users.teamA;
    const own = await eventually(async () => {
      const r = await promql('teamViewer', 'kube_pod_info');
      return r.status === 200 && r.body.series.length ? r : null;
    });
    expect(namespacesOf(own.body)).toEqual([team]);
    expect(own.body.queries[0]!.expr).toBe(`kube_pod_info{namespace=~"${team}"}`);
    for (const q of [
      `kube_pod_info{namespace="${OTHER}"}`,
      `{namespace="${OTHER}"}`,
      `{__name__=~".+", namespace!="${team}"}`,
      'DCGM_FI_DEV_GPU_UTIL',
      'kube_node_info',
      'up',
      `kube_pod_info{namespace="${team}"} or on () kube_pod_info{namespace="${OTHER}"}`,
      'label_replace(kube_pod_info, "namespace", "x", "", "")',
    ]) {
      const r = await promql('teamViewer', q);
      expect(r.status, q).toBe(200);
      // A rename by label_replace changes the label, not what was read.
      expect(
        namespacesOf(r.body).every((n) => n === team || n === 'x'),
        `${q}: ${namespacesOf(r.body)}`,
      ).toBe(true);
    }
    const wide = await promql('teamViewer', '{__name__=~"kube_pod_.+"}');
    expect(namespacesOf(wide.body)).toEqual([team]);
    const sub = await promql('teamViewer', 'max_over_time(count by (namespace) (kube_pod_info)[10m:5s])');
    expect(namespacesOf(sub.body)).toEqual([team]);
  });

  it('presets and idle finders: the team’s series only; GPU series of other namespaces and nodes stay out', async () => {
    for (const id of ['gpu-util', 'gpu-util-node', 'gpu-memory', 'gpu-allocation', 'pod-cpu', 'pod-memory']) {
      const r = await callRoute<Answer>(panelRoute, `/api/metrics/panels/${id}?range=15m`, {
        cookie: cookies.teamViewer,
        params: { panel: id },
      });
      expect(r.status, id).toBe(200);
      expect(r.body.queries.every((q) => q.expr.includes(`namespace=~"${users.teamA}"`))).toBe(true);
      const admin = await callRoute<Answer>(panelRoute, `/api/metrics/panels/${id}?range=15m`, {
        cookie: cookies.admin,
        params: { panel: id },
      });
      if (id.startsWith('gpu-util') || id === 'gpu-memory') {
        expect(admin.body.series.length, id).toBeGreaterThan(0);
        expect(r.body.series, id).toEqual([]); // the team holds no GPU and may not list nodes
      }
      for (const s of r.body.series) expect([users.teamA, undefined], id).toContain(s.labels.namespace);
    }
    const idle = await callRoute<{ items: { namespace: string }[] }>(idleRoute, '/api/metrics/idle-gpus?range=15m', {
      cookie: cookies.teamViewer,
    });
    expect(idle.status).toBe(200);
    expect(idle.body.items).toEqual([]);
    const hours = await callRoute<{ namespaces: { namespace: string }[]; queries: Record<string, string> }>(
      idleHoursRoute,
      '/api/metrics/idle-hours?range=15m',
      { cookie: cookies.teamViewer },
    );
    expect(hours.status).toBe(200);
    expect(hours.body.namespaces.filter((n) => n.namespace !== users.teamA)).toEqual([]);
    expect(Object.values(hours.body.queries).every((q) => q.includes(`namespace=~"${users.teamA}"`))).toBe(true);
    // The admin's finder does flag the other namespace's idle GPU (once idle for 10 s).
    await eventually(
      async () =>
        (
          await callRoute<{ items: { namespace: string }[] }>(
            idleRoute,
            '/api/metrics/idle-gpus?range=15m&minSeconds=10',
            {
              cookie: cookies.admin,
            },
          )
        ).body.items.some((i) => i.namespace === OTHER),
      45_000,
      'the admin sees the idle GPU of the other namespace',
    );
  });

  it('cluster view without nodes: pods everywhere, no node-wide series; the admin reads everything', async () => {
    const pods = await promql('viewer', `kube_pod_info{namespace=~"${users.teamA}|${OTHER}"}`);
    expect(namespacesOf(pods.body)).toEqual([users.teamA, OTHER].sort());
    expect((await promql('viewer', 'kube_node_info')).body.series).toEqual([]);
    const gpus = await promql('viewer', 'DCGM_FI_DEV_GPU_UTIL');
    expect(gpus.body.series.length).toBeGreaterThan(0); // GPUs pods hold…
    expect(gpus.body.series.every((s) => !!s.labels.namespace)).toBe(true); // …and no free one
    const nodes = await promql('admin', 'kube_node_info');
    expect(nodes.body.series.length).toBeGreaterThan(0);
    expect(nodes.body.queries[0]!.expr).toBe('kube_node_info');
  });

  it('/api/metrics/access says what each user may read; nobody gets 403 from every metrics route', async () => {
    const team = await callRoute(accessRoute, '/api/metrics/access', { cookie: cookies.teamViewer });
    expect(team.body).toMatchObject({ nodes: false, namespaces: [users.teamA], readsNothing: false });
    expect((await callRoute(accessRoute, '/api/metrics/access', { cookie: cookies.admin })).body).toMatchObject({
      nodes: true,
      namespaces: 'all',
      matcher: null,
    });
    const none = await callRoute(accessRoute, '/api/metrics/access', { cookie: cookies.nobody });
    expect(none.body).toMatchObject({ nodes: false, namespaces: [], readsNothing: true });
    for (const r of [
      await promql('nobody', 'up'),
      await callRoute(panelRoute, '/api/metrics/panels/pod-cpu', {
        cookie: cookies.nobody,
        params: { panel: 'pod-cpu' },
      }),
      await callRoute(idleRoute, '/api/metrics/idle-gpus', { cookie: cookies.nobody }),
      await callRoute(idleHoursRoute, '/api/metrics/idle-hours', { cookie: cookies.nobody }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.error?.message).toMatch(/does not allow you to list pods in any namespace or to list nodes/);
    }
  });

  it('hostile PromQL from a team viewer: a clear 400, never another namespace’s data or a 5xx', async () => {
    const cases: [string, RegExp][] = [
      ['kube_pod_info{', /syntax error/],
      ['sum(rate(x[5m]', /syntax error/],
      ['info(up)', /not available to you/],
      ['}{namespace=~".+"}', /syntax error/],
      ['up{namespace=~".+"} # }', /./],
      ['max_over_time(up[30d:1s])', /evaluations/],
      ['rate(up[400d])', /longer than 31 d/],
      ['max_over_time(up[1h:5m*2])', /not supported/],
      ['"\u0000\u202e" + up', /./],
      ['up' + ' or up'.repeat(500), /./],
    ];
    for (const [q, msg] of cases) {
      const r = await promql('teamViewer', q.slice(0, 4000));
      expect(r.status, q.slice(0, 60)).toBeLessThan(500);
      if (r.status === 200) {
        expect(
          namespacesOf(r.body).every((n) => n === users.teamA),
          q.slice(0, 60),
        ).toBe(true);
      } else {
        expect(r.status, q.slice(0, 60)).toBe(400);
        expect(r.body.error?.message, q.slice(0, 60)).toMatch(msg);
      }
    }
    const tooLong = await promql('teamViewer', 'up'.repeat(2001));
    expect(tooLong.status).toBe(400);
  });
});
