import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANELS } from '@/lib/metrics/panels';
import { toChartData, type PromSeries } from '@/lib/metrics/shape';
import {
  REPO,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  kubectlJson,
  podManifest,
  signIn,
  uniqueName,
} from './helpers';

/**
 * The metrics routes against the devcluster's real Prometheus (devcluster/metrics-up.sh: Debian's
 * Prometheus scraping kube-state-metrics and the GPU simulator every 5 s).
 */
const PROM = process.env.IMAGEPOD_PROMETHEUS_URL ?? 'http://127.0.0.1:32750';
process.env.IMAGEPOD_PROMETHEUS_URL = PROM;
process.env.IMAGEPOD_METRICS_TOKEN = 'it-metrics-token';
const sh = promisify(execFile);
const script = (name: string, ...args: string[]) => sh('bash', [path.join(REPO, 'devcluster', name), ...args]);

const { GET: panelRoute } = await import('@/app/api/metrics/panels/[panel]/route');
const { GET: queryRoute } = await import('@/app/api/metrics/query/route');
const { GET: idleRoute } = await import('@/app/api/metrics/idle-gpus/route');
const { GET: ownMetrics } = await import('@/app/api/metrics/route');
const { GET: idleHoursRoute } = await import('@/app/api/metrics/idle-hours/route');

interface Panel {
  series: { key: string; name: string; labels: Record<string, string> }[];
  rows: Record<string, number | null>[];
  queries: { expr: string; legend: string }[];
  start: number;
  end: number;
  step: number;
}
interface Idle {
  items: {
    kind: string;
    namespace: string;
    pod: string;
    node: string;
    gpu: string;
    uuid: string;
    instance?: string;
    profile?: string;
    holders: { namespace: string; pod: string }[];
    idleSeconds: number;
    maxUtil: number;
  }[];
}
interface HoursRow {
  scope: string;
  namespace: string;
  kind?: string;
  name?: string;
  pods: number;
  allocatedHours: number;
  measuredHours: number;
  idleHours: number;
  idlePercent: number;
  href: string;
}
interface Hours {
  namespaces: HoursRow[];
  workloads: HoursRow[];
  queries: Record<string, string>;
  end: number;
}

async function promRange(expr: string, w: { start: number; end: number; step: number }): Promise<PromSeries[]> {
  const q = new URLSearchParams({ query: expr, start: String(w.start), end: String(w.end), step: String(w.step) });
  const body = (await (await fetch(`${PROM}/api/v1/query_range?${q}`)).json()) as { data: { result: PromSeries[] } };
  return body.data.result;
}

const users = new TestUsers();
const NS = uniqueName('it-metrics');
/** MIG, shared and Deployment pods, apart from NS so the whole-GPU idle test keeps its exact set. */
const GPU_NS = uniqueName('it-gpumetrics');
const TOLERATE = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];
/** A pod (or template) held at `util` % by the simulator, asking for `n` of `resource` on `node`. */
const gpuPodSpec = (resource: string, n: number, node: string) => ({
  containers: [
    {
      name: 'main',
      image: 'registry.local/sleep:1',
      resources: { requests: { [resource]: String(n) }, limits: { [resource]: String(n) } },
    },
  ],
  nodeSelector: { 'kubernetes.io/hostname': node },
  tolerations: TOLERATE,
});
const simPod = (name: string, util: string, resource: string, node: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: GPU_NS, annotations: { 'imagepod.io/sim-util': util } },
  spec: gpuPodSpec(resource, 1, node),
});
let cookie = '';
const panel = (id: string, qs: string) =>
  callRoute<Panel>(panelRoute, `/api/metrics/panels/${id}?${qs}`, { cookie, params: { panel: id } });

describe('metrics against the devcluster Prometheus', () => {
  beforeAll(async () => {
    const ready = await fetch(`${PROM}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) throw new Error(`no Prometheus at ${PROM}: run devcluster/metrics-up.sh`);
    await users.create();
    // The cluster admin reads every series unchanged (metrics-rbac.test.ts: everyone else).
    cookie = await signIn(await users.token('admin'));
    await createNamespace(NS);
    const idle = (name: string, gpus: number) => ({
      ...podManifest(name, NS, { gpus }),
      metadata: { name, namespace: NS, annotations: { 'imagepod.io/sim-util': '3' } },
    });
    await apply(idle('idle-a', 2));
    await apply(idle('idle-b', 1));
    await apply(podManifest('busy', NS, { gpus: 1 }));
    await createNamespace(GPU_NS);
    await apply(simPod('mig-idle', '3', 'nvidia.com/mig-1g.10gb', 'gpu-mig-mixed'));
    await apply(simPod('mig-busy', '60', 'nvidia.com/mig-1g.10gb', 'gpu-mig-mixed'));
    // Three idle holders of gpu-shared's 2 GPUs × 4 shares: two of them share a GPU.
    for (const i of [0, 1, 2]) await apply(simPod(`share-${i}`, '2', 'nvidia.com/gpu.shared', 'gpu-shared'));
    await apply({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'idle-infer', namespace: GPU_NS },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'idle-infer' } },
        template: {
          metadata: { labels: { app: 'idle-infer' }, annotations: { 'imagepod.io/sim-util': '1' } },
          spec: gpuPodSpec('nvidia.com/gpu', 1, 'gpu-node-1'),
        },
      },
    });
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await kubectl(['delete', 'namespace', GPU_NS, '--wait=false']);
    await users.remove();
  });

  it('every preset panel returns what Prometheus returns for the same PromQL and window', async () => {
    const end = Math.floor(Date.now() / 1000) - 15; // settled samples only: late scrapes cannot differ
    for (const p of PANELS) {
      const res = await panel(p.id, `start=${end - 900}&end=${end}`);
      expect(res.status, `${p.id}: ${JSON.stringify(res.body.error)}`).toBe(200);
      expect(res.body.step).toBe(5); // 15 min / 300 points
      const topk = /^topk\((\d+), (.*)\)$/.exec(res.body.queries[0]!.expr);
      if (topk) {
        // Prometheus breaks ties in topk arbitrarily (many pods use the same CPU), so check each
        // series drawn against the un-ranked query, and that no timestamp has more than k.
        const all = new Map(
          (await promRange(topk[2]!, res.body)).map((x) => [JSON.stringify(x.metric), new Map(x.values)]),
        );
        for (const series of res.body.series) {
          const want = all.get(JSON.stringify(series.labels));
          expect(want, `${p.id}: ${series.name}`).toBeDefined();
          for (const row of res.body.rows)
            if (row[series.key] !== null) expect(row[series.key]).toBe(Number(want!.get(row.t! / 1000)));
        }
        for (const row of res.body.rows)
          expect(Object.values(row).filter((v) => v !== null).length - 1).toBeLessThanOrEqual(Number(topk[1]));
        continue;
      }
      const direct = await Promise.all(
        res.body.queries.map(async (q) => ({ series: await promRange(q.expr, res.body), legend: q.legend })),
      );
      const expected = toChartData(direct);
      expect(res.body.series, p.id).toEqual(expected.series);
      expect(res.body.rows, p.id).toEqual(expected.rows);
    }
    // Panels with data on the devcluster (components-up needs the bundle deployed). Pod CPU is a
    // rate, so on a fresh cluster it waits for beforeAll's pods to be Running and scraped twice.
    for (const id of ['gpu-util', 'gpu-memory', 'gpu-allocation', 'api-rate', 'api-latency', 'pod-cpu']) {
      await eventually(async () => (await panel(id, 'range=15m')).body.series.length > 0, 45_000, `${id} has series`);
    }
  }, 120_000);

  it('a node filter returns that node’s GPUs only; the window keeps ≤ 300 points', async () => {
    const res = await panel('gpu-util', 'range=1h&node=gpu-node-1');
    expect(res.body.series.map((s) => s.labels.node)).toEqual(Array(8).fill('gpu-node-1'));
    expect(res.body.step).toBe(15);
    expect((res.body.end - res.body.start) / res.body.step).toBeLessThanOrEqual(300);
    expect((await panel('gpu-util', 'range=7d')).body.step).toBe(3600);
  });

  it('the idle finder flags exactly the GPUs the simulator keeps idle', async () => {
    const pods = await eventually(
      async () => {
        const list = await kubectlJson<{
          items: { metadata: { name: string }; spec: { nodeName?: string }; status: { phase: string } }[];
        }>(['get', 'pods', '-n', NS]);
        return list.items.every((p) => p.status.phase === 'Running') ? list.items : null;
      },
      30_000,
      'GPU pods running',
    );
    const want = pods
      .filter((p) => p.metadata.name.startsWith('idle'))
      .flatMap((p) => Array(p.metadata.name === 'idle-a' ? 2 : 1).fill(`${p.metadata.name}@${p.spec.nodeName}`))
      .sort();
    const got = await eventually(
      async () => {
        const res = await callRoute<Idle>(idleRoute, '/api/metrics/idle-gpus?range=15m&minSeconds=10', { cookie });
        const mine = res.body.items
          .filter((i) => i.namespace === NS)
          .map((i) => `${i.pod}@${i.node}`)
          .sort();
        return mine.length === want.length ? res.body.items.filter((i) => i.namespace === NS) : null;
      },
      45_000,
      'idle GPUs flagged',
    );
    expect(got.map((i) => `${i.pod}@${i.node}`).sort()).toEqual(want);
    expect(got.every((i) => i.maxUtil === 3 && i.idleSeconds >= 10)).toBe(true);
    expect(new Set(got.map((i) => `${i.node}/${i.gpu}`)).size).toBe(3);
  });

  it('the idle finder: a MIG instance is its own row with its profile; shares fold per GPU listing each holder', async () => {
    const mine = (r: Idle) => r.items.filter((i) => i.holders.some((h) => h.namespace === GPU_NS));
    const holders = (items: Idle['items']) =>
      items
        .flatMap((i) =>
          i.holders.filter((h) => h.namespace === GPU_NS).map((h) => h.pod.replace(/^idle-infer-.*/, 'idle-infer')),
        )
        .sort();
    const got = await eventually(
      async () => {
        const items = mine(
          (await callRoute<Idle>(idleRoute, '/api/metrics/idle-gpus?range=15m&minSeconds=10', { cookie })).body,
        );
        return holders(items).join() === 'idle-infer,mig-idle,share-0,share-1,share-2' ? items : null;
      },
      60_000,
      'MIG and shared holders flagged',
    );
    const mig = got.filter((i) => i.kind === 'mig');
    expect(mig.map((i) => [i.pod, i.node, i.profile])).toEqual([['mig-idle', 'gpu-mig-mixed', '1g.10gb']]);
    expect(mig[0]!.instance).toMatch(/^\d+$/);
    const shared = got.filter((i) => i.kind === 'shared');
    expect(shared.every((i) => i.node === 'gpu-shared')).toBe(true);
    expect(holders(shared)).toEqual(['share-0', 'share-1', 'share-2']);
    expect(new Set(shared.map((i) => i.uuid)).size).toBe(shared.length); // one row per physical GPU
    expect(Math.max(...shared.map((i) => i.holders.length))).toBeGreaterThanOrEqual(2);
    expect(got.some((i) => i.pod === 'mig-busy')).toBe(false);
  });

  it('idle GPU-hours name the idle holders by workload and namespace; MIG holders are rows of their own', async () => {
    const res = await eventually(
      async () => {
        const r = await callRoute<Hours>(idleHoursRoute, '/api/metrics/idle-hours?range=15m', { cookie });
        const rows = r.body.workloads?.filter((w) => w.namespace === GPU_NS && w.idleHours > 0) ?? [];
        return rows.length >= 5 ? r : null;
      },
      60_000,
      'idle GPU-hours rows',
    );
    expect(res.status).toBe(200);
    const rows = new Map(
      res.body.workloads.filter((w) => w.namespace === GPU_NS).map((w) => [`${w.kind}/${w.name}`, w]),
    );
    expect([...rows.keys()].sort()).toEqual([
      'Deployment/idle-infer',
      'Pod/mig-busy',
      'Pod/mig-idle',
      'Pod/share-0',
      'Pod/share-1',
      'Pod/share-2',
    ]);
    expect(rows.get('Deployment/idle-infer')).toMatchObject({
      pods: 1,
      href: `/workloads/deployments/${GPU_NS}/idle-infer`,
    });
    for (const k of ['Deployment/idle-infer', 'Pod/mig-idle', 'Pod/share-0']) {
      const r = rows.get(k)!;
      expect(r.allocatedHours, k).toBeGreaterThan(0);
      // Every step DCGM measured was idle (the first seconds may be allocated but not yet scraped).
      expect(r.idleHours, k).toBeCloseTo(r.measuredHours, 6);
    }
    expect(rows.get('Pod/mig-busy')).toMatchObject({ idleHours: 0 });
    expect(rows.get('Pod/mig-idle')!.href).toBe(`/pods/${GPU_NS}/mig-idle`);
    const ns = res.body.namespaces.find((n) => n.namespace === GPU_NS)!;
    expect(ns.pods).toBe(6);
    const sum = (f: 'allocatedHours' | 'idleHours') => [...rows.values()].reduce((a, r) => a + r[f], 0);
    expect(ns.allocatedHours).toBeCloseTo(sum('allocatedHours'), 2);
    expect(ns.idleHours).toBeCloseTo(sum('idleHours'), 2);
    // The rows are what Prometheus answers for the route's own PromQL.
    const q = new URLSearchParams({ query: res.body.queries.idle!, time: String(res.body.end) });
    const direct = (await (await fetch(`${PROM}/api/v1/query?${q}`)).json()) as {
      data: { result: { metric: Record<string, string>; value: [number, string] }[] };
    };
    const idleOf = (pod: string) =>
      Number(direct.data.result.find((x) => x.metric.namespace === GPU_NS && x.metric.pod === pod)?.value[1]);
    expect(rows.get('Pod/mig-idle')!.idleHours).toBeCloseTo(idleOf('mig-idle'), 3);
  });

  describe('bad input', () => {
    it('invalid PromQL → 400 with Prometheus’ own message', async () => {
      const bad = 'sum(rate(http_requests_total[5m]';
      const now = Math.floor(Date.now() / 1000);
      const q = new URLSearchParams({ query: bad, start: String(now - 3600), end: String(now), step: '15' });
      const direct = (await (await fetch(`${PROM}/api/v1/query_range`, { method: 'POST', body: q })).json()) as {
        error: string;
      };
      expect(direct.error).toMatch(/parse error/);
      const res = await callRoute(
        queryRoute,
        `/api/metrics/query?${new URLSearchParams({ query: bad, range: '1h' })}`,
        { cookie },
      );
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'BAD_REQUEST', field: 'query', message: direct.error });
    });

    it('a 10-year range or a 1 ms step → 400 on the field', async () => {
      const now = Math.floor(Date.now() / 1000);
      const tenYears = await callRoute(
        queryRoute,
        `/api/metrics/query?query=up&start=${now - 10 * 365 * 86_400}&end=${now}`,
        { cookie },
      );
      expect(tenYears.status).toBe(400);
      expect(tenYears.body.error?.field).toBe('start');
      const ms = await callRoute(queryRoute, `/api/metrics/query?query=up&range=15m&step=0.001`, { cookie });
      expect(ms.status).toBe(400);
      expect(ms.body.error?.field).toBe('step');
      expect((await panel('gpu-util', `start=${now - 20 * 365 * 86_400}`)).status).toBe(400);
    });

    it('a URL or target passed along is refused; a node name cannot inject PromQL', async () => {
      for (const extra of [
        'url=http://169.254.169.254/',
        'target=http://evil.example:9090',
        'prometheus=http://evil.example',
      ]) {
        expect(
          (await callRoute(queryRoute, `/api/metrics/query?query=up&range=15m&${extra}`, { cookie })).status,
          extra,
        ).toBe(400);
        expect((await panel('gpu-util', `range=15m&${extra}`)).status, extra).toBe(400);
        expect((await callRoute(idleRoute, `/api/metrics/idle-gpus?${extra}`, { cookie })).status, extra).toBe(400);
        expect((await callRoute(idleHoursRoute, `/api/metrics/idle-hours?${extra}`, { cookie })).status, extra).toBe(
          400,
        );
      }
      // A threshold that is not a percentage, a window too long, a PromQL fragment where a number goes.
      for (const bad of [
        'threshold=101',
        'threshold=-1',
        `threshold=${encodeURIComponent('10) or up')}`,
        'range=1y',
        `start=${'9'.repeat(50)}`,
        'range=1h&start=1',
      ]) {
        const r = await callRoute(idleHoursRoute, `/api/metrics/idle-hours?${bad}`, { cookie });
        expect(r.status, bad).toBe(400);
        expect(r.body.error?.message, bad).toBeTruthy();
      }
      const inject = await panel('gpu-util', `range=15m&node=${encodeURIComponent('x"} or up{a="')}`);
      expect(inject.status).toBe(400);
      expect(inject.body.error?.field).toBe('node');
      expect((await callRoute(queryRoute, '/api/metrics/query?query=up&range=1y', { cookie })).status).toBe(400);
    });

    it('every metrics route needs a session', async () => {
      expect((await callRoute(queryRoute, '/api/metrics/query?query=up')).status).toBe(401);
      expect((await callRoute(idleRoute, '/api/metrics/idle-gpus')).status).toBe(401);
      expect((await callRoute(idleHoursRoute, '/api/metrics/idle-hours')).status).toBe(401);
      expect(
        (await callRoute(panelRoute, '/api/metrics/panels/gpu-util', { params: { panel: 'gpu-util' } })).status,
      ).toBe(401);
    });
  });

  it('Prometheus stopped → 503 with a message; it recovers when Prometheus returns', async () => {
    await script('metrics-down.sh', 'prometheus');
    try {
      const down = await panel('gpu-util', 'range=15m');
      expect(down.status).toBe(503);
      expect(down.body.error?.code).toBe('UNAVAILABLE');
      expect(down.body.error?.message).toMatch(/Prometheus at http:\/\/127\.0\.0\.1:32750 is unreachable/);
      expect((await callRoute(idleRoute, '/api/metrics/idle-gpus', { cookie })).status).toBe(503);
      expect((await callRoute(idleHoursRoute, '/api/metrics/idle-hours', { cookie })).status).toBe(503);
    } finally {
      await script('metrics-up.sh');
    }
    const back = await eventually(
      async () => (await panel('gpu-util', 'range=15m')).status === 200,
      30_000,
      'recovery',
    );
    expect(back).toBe(true);
  });

  it('the panel’s own /api/metrics: counters that exist, for a session or the bearer token only', async () => {
    const withSession = await callRoute(ownMetrics, '/api/metrics', { cookie });
    expect(withSession.status).toBe(200);
    const text = String((withSession.body as { raw?: string }).raw);
    expect(text).toMatch(/imagepod_panel_http_requests_total\{method="GET",area="metrics",status="200"\} \d+/);
    expect(text).toMatch(/imagepod_panel_sse_clients \d+/);
    expect(text).toMatch(/imagepod_panel_watch_cache_state\{state="synced"\} [01]/);
    expect(text).toMatch(/imagepod_panel_watch_cache_objects\{resource="nodes"\} \d+/);
    const token = await callRoute(ownMetrics, '/api/metrics', {
      headers: { authorization: 'Bearer it-metrics-token' },
    });
    expect(token.status).toBe(200);
    expect((await callRoute(ownMetrics, '/api/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );
    expect((await callRoute(ownMetrics, '/api/metrics')).status).toBe(401);
  });
});
