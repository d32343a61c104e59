import { nightlyCronJob, webDeployment } from '../builders/manifests';
/**
 * The RBAC matrix: for every test user (view in an empty namespace, edit in one, cluster view,
 * nothing, and cluster-admin as the control) every route answers what `kubectl auth can-i` says
 * for that user — allowed: 2xx with only what they may read; not allowed: 403 and nothing changed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  createNamespace,
  devKubeConfig,
  eventually,
  kubectl,
  kubectlJson,
  signIn,
  type RouteHandler,
  type TestUser,
} from './helpers';
import { clusterDigest, digestDiff, hostileCall, type HostileAnswer, type Method } from './adversarial-helpers';
import { canI, canISomewhere, namespacesIn, type Can } from './rbac-helpers';
import { DEFAULT_SETTINGS } from '@/lib/deploy/settings';
import { drainScene } from '../builders/drain-fixture';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const r = {
  pods: (await import('@/app/api/pods/route')).GET,
  pod: (await import('@/app/api/pods/[namespace]/[name]/route')).GET,
  workloads: (await import('@/app/api/workloads/route')).GET,
  jobs: (await import('@/app/api/jobs/route')).GET,
  cronjobs: (await import('@/app/api/cronjobs/route')).GET,
  events: (await import('@/app/api/events/route')).GET,
  nodes: (await import('@/app/api/nodes/route')).GET,
  node: (await import('@/app/api/nodes/[name]/route')).GET,
  claims: (await import('@/app/api/resourceclaims/route')).GET,
  claimTemplates: (await import('@/app/api/resourceclaimtemplates/route')).GET,
  slices: (await import('@/app/api/resourceslices/route')).GET,
  deviceClasses: (await import('@/app/api/deviceclasses/route')).GET,
  audit: (await import('@/app/api/audit/route')).GET,
  auditExport: (await import('@/app/api/audit/export/route')).GET,
  settings: (await import('@/app/api/deploy/settings/route')).GET,
  runs: (await import('@/app/api/deploy/runs/route')).GET,
  deploy: (await import('@/app/api/deploy/runs/route')).POST,
  runsStream: (await import('@/app/api/deploy/runs/stream/route')).GET,
  undeploy: (await import('@/app/api/deploy/undeploy/route')).POST,
  resumeRun: (await import('@/app/api/deploy/runs/resume/route')).POST,
  history: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/history/route')).GET,
  scale: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/scale/route')).PATCH,
  restart: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/restart/route')).POST,
  pause: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/pause/route')).POST,
  resume: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/resume/route')).POST,
  suspend: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/suspend/route')).POST,
  runNow: (await import('@/app/api/workloads/[kind]/[namespace]/[name]/run/route')).POST,
  labels: (await import('@/app/api/nodes/[name]/labels/route')).PATCH,
  bulkLabels: (await import('@/app/api/nodes/labels/route')).POST,
  taints: (await import('@/app/api/nodes/[name]/taints/route')).PATCH,
  cordon: (await import('@/app/api/nodes/[name]/cordon/route')).POST,
  drainPreview: (await import('@/app/api/nodes/[name]/drain/route')).GET,
  drain: (await import('@/app/api/nodes/[name]/drain/route')).POST,
  logs: (await import('@/app/api/logs/route')).GET,
  download: (await import('@/app/api/logs/download/route')).GET,
  metricsQuery: (await import('@/app/api/metrics/query/route')).GET,
  panel: (await import('@/app/api/metrics/panels/[panel]/route')).GET,
  idleGpus: (await import('@/app/api/metrics/idle-gpus/route')).GET,
  idleHours: (await import('@/app/api/metrics/idle-hours/route')).GET,
  health: (await import('@/app/api/health/route')).GET,
  namespaces: (await import('@/app/api/namespaces/route')).GET,
  metricsAccess: (await import('@/app/api/metrics/access/route')).GET,
  canI: (await import('@/app/api/auth/can-i/route')).POST,
  objectYaml: (await import('@/app/api/objects/yaml/route')).GET,
  search: (await import('@/app/api/search/route')).GET,
} satisfies Record<string, RouteHandler>;

const users = new TestUsers();
const LOG_DIR = mkdtempSync(path.join(tmpdir(), 'rbac-logs-'));
const OTHER = `${users.ns}-other`;
const STACK = 'imagepod';
const USERS: TestUser[] = ['admin', 'viewer', 'nobody', 'teamViewer', 'teamEditor'];
const cookies = {} as Record<TestUser, string>;
const pods: Record<string, string> = {};
/** A Secret value no answer may carry, whoever asks. */
const SECRET_B64 = Buffer.from(`rbac-matrix-${crypto.randomUUID()}`).toString('base64');
let node = '';
const as = (u: TestUser) => users.username(u);
/** The namespaces the matrix is about: the empty one, the edited one, another with objects. */
const spaces = () => [users.teamA, users.teamB, OTHER];

async function call(
  u: TestUser,
  h: RouteHandler,
  url: string,
  o: { method?: Method; params?: Record<string, string>; body?: unknown } = {},
): Promise<HostileAnswer> {
  return hostileCall(h, {
    method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
    url,
    params: o.params ?? {},
    cookie: cookies[u],
    rawBody: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
}

/** Allowed → a 2xx; not allowed → 403 with an error code (soft: every case of a test is reported). */
function expectDecision(a: HostileAnswer, allowed: boolean, what: string): void {
  const code = (a.json as { error?: { code?: string } } | undefined)?.error?.code;
  if (allowed)
    expect
      .soft(a.status, `${what}: allowed, got ${a.status} ${JSON.stringify(a.json)?.slice(0, 300)}`)
      .toBeLessThan(300);
  else {
    expect.soft(a.status, `${what}: not allowed, got ${a.status} ${JSON.stringify(a.json)?.slice(0, 300)}`).toBe(403);
    expect.soft(code, what).toBe('FORBIDDEN');
  }
}

/** Every namespace named in a 2xx answer is one the user may `verb resource` in. */
async function expectOnlyReadable(u: TestUser, a: HostileAnswer, c: Omit<Can, 'ns'>, what: string) {
  if (a.status >= 300 || (await canI(as(u), c))) return;
  const unreadable: string[] = [];
  for (const ns of namespacesIn(a.json)) if (!(await canI(as(u), { ...c, ns }))) unreadable.push(ns);
  expect.soft(unreadable, `${what} shows namespaces ${u} may not read`).toEqual([]);
}

beforeAll(async () => {
  await users.create();
  await createNamespace(OTHER);
  for (const ns of [users.teamB, OTHER]) await apply(webDeployment(ns));
  for (const ns of [users.teamB, OTHER]) await apply(nightlyCronJob(ns));
  for (const ns of [users.teamB, OTHER])
    await apply({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'yaml-secret', namespace: ns },
      data: { k: SECRET_B64 },
    });
  for (const ns of [users.teamB, OTHER]) {
    const pod = await eventually(
      async () => (await kubectl(['get', 'pods', '-n', ns, '-o', 'name'])).trim().replace('pod/', ''),
      30_000,
      `a pod in ${ns}`,
    );
    pods[ns] = pod;
    // kwok serves the pod's log from this file (a Logs object named after the pod).
    const file = path.join(LOG_DIR, `${pod}.log`);
    writeFileSync(file, `${new Date().toISOString()} stdout F hello from ${ns}\n`);
    await apply({
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'Logs',
      metadata: { name: pod, namespace: ns },
      spec: { logs: [{ containers: ['main'], logsFile: file, follow: true }] },
    });
    await eventually(
      async () => (await kubectl(['logs', '-n', ns, pod, '--tail=1'])).includes('hello'),
      60_000,
      `${pod} logs served`,
    );
  }
  node = (await kubectl(['get', 'nodes', '-o', 'name'])).trim().split('\n')[0]!.replace('node/', '');
  for (const u of USERS) cookies[u] = await signIn(await users.token(u));
  await eventually(
    async () => ((await call('admin', r.health, '/api/health')).json as { state?: string })?.state === 'synced',
    60_000,
    'the cache synced',
  );
  // The watch cache has seen the fixtures' pods.
  await eventually(
    async () => namespacesIn((await call('admin', r.pods, '/api/pods')).json).has(OTHER),
    30_000,
    'fixture pods in the cache',
  );
});

afterAll(async () => {
  await kubectl(['delete', 'namespace', OTHER, '--wait=false']);
  await users.remove();
});

describe.each(USERS)('RBAC matrix: %s', (u) => {
  it('lists: 2xx with only readable namespaces when can-i says so somewhere, else 403', async () => {
    const lists: [RouteHandler, string, Omit<Can, 'ns'>][] = [
      [r.pods, '/api/pods', { verb: 'list', resource: 'pods' }],
      [r.workloads, '/api/workloads', { verb: 'list', resource: 'deployments.apps' }],
      [r.events, '/api/events', { verb: 'list', resource: 'events' }],
      [r.jobs, '/api/jobs', { verb: 'list', resource: 'jobs.batch' }],
      [r.cronjobs, '/api/cronjobs', { verb: 'list', resource: 'cronjobs.batch' }],
      [r.claims, '/api/resourceclaims', { verb: 'list', resource: 'resourceclaims.resource.k8s.io' }],
      [
        r.claimTemplates,
        '/api/resourceclaimtemplates',
        { verb: 'list', resource: 'resourceclaimtemplates.resource.k8s.io' },
      ],
    ];
    for (const [h, url, c] of lists) {
      const a = await call(u, h, url);
      expectDecision(a, await canISomewhere(as(u), c, spaces()), `${u} GET ${url}`);
      await expectOnlyReadable(u, a, c, `${u} GET ${url}`);
      // Every readable fixture namespace's objects are there (the fixtures hold CronJobs but no Jobs).
      if (
        a.status < 300 &&
        c.resource !== 'events' &&
        c.resource !== 'jobs.batch' &&
        !c.resource.includes('resource.k8s.io')
      )
        for (const ns of [users.teamB, OTHER])
          if (await canI(as(u), { ...c, ns }))
            expect.soft(namespacesIn(a.json).has(ns), `${u} ${url} lacks ${ns}`).toBe(true);
      // One namespace at a time: the empty one is an empty list, not a refusal.
      if (['/api/pods', '/api/workloads', '/api/events', '/api/jobs', '/api/cronjobs'].includes(url))
        for (const ns of spaces()) {
          const one = await call(u, h, `${url}?namespace=${ns}`);
          expectDecision(one, await canI(as(u), { ...c, ns }), `${u} GET ${url}?namespace=${ns}`);
          if (one.status < 300) expect.soft([...namespacesIn(one.json)].every((n) => n === ns)).toBe(true);
        }
    }
  });

  it('the namespace picker offers exactly the namespaces can-i lets the user list pods in; metrics access alike', async () => {
    const pods = { verb: 'list', resource: 'pods' } as const;
    const somewhere = await canISomewhere(as(u), pods, spaces());
    const a = await call(u, r.namespaces, '/api/namespaces');
    expectDecision(a, somewhere, `${u} GET /api/namespaces`);
    if (a.status < 300) {
      const offered = new Set((a.json as { items: { name: string }[] }).items.map((i) => i.name));
      for (const ns of spaces())
        expect.soft(offered.has(ns), `${u} /api/namespaces offers ${ns}`).toBe(await canI(as(u), { ...pods, ns }));
    }
    // The metrics page's note: always answered, `readsNothing` exactly when can-i allows neither.
    const nodes = await canI(as(u), { verb: 'list', resource: 'nodes' });
    const access = await call(u, r.metricsAccess, '/api/metrics/access');
    expect.soft(access.status, `${u} GET /api/metrics/access`).toBe(200);
    expect
      .soft((access.json as { readsNothing: boolean }).readsNothing, `${u} metrics access`)
      .toBe(!(somewhere || nodes));
  });

  it('search (the command palette) finds only what can-i lets the user list, and all of that', async () => {
    const pods = { verb: 'list', resource: 'pods' } as const;
    const deployments = { verb: 'list', resource: 'deployments.apps' } as const;
    for (const ns of [users.teamB, OTHER]) {
      const url = `/api/search?q=${encodeURIComponent(`${ns}/web`)}&limit=50`;
      const a = await call(u, r.search, url);
      // Never a refusal: a user who may list nothing finds nothing.
      expect.soft(a.status, `${u} GET ${url}`).toBe(200);
      const hits = (a.json as { items?: { kind: string; namespace: string | null }[] }).items ?? [];
      for (const [kind, c] of [
        ['pod', pods],
        ['workload', deployments],
      ] as const) {
        const found = hits.filter((h) => h.kind === kind && h.namespace === ns).length > 0;
        expect.soft(found, `${u} ${url} finds the ${kind} in ${ns}`).toBe(await canI(as(u), { ...c, ns }));
      }
      await expectOnlyReadable(u, a, pods, `${u} GET ${url}`);
    }
    const nodeHits = await call(u, r.search, `/api/search?q=${encodeURIComponent(node)}`);
    expect.soft(nodeHits.status).toBe(200);
    const foundNode = ((nodeHits.json as { items?: { kind: string; label: string }[] }).items ?? []).some(
      (h) => h.kind === 'node' && h.label === node,
    );
    expect.soft(foundNode, `${u} finds node ${node}`).toBe(await canI(as(u), { verb: 'list', resource: 'nodes' }));
  });

  it('cluster-scoped reads follow can-i list (nodes, slices, device classes) and get (one node)', async () => {
    for (const [h, url, c, params] of [
      [r.nodes, '/api/nodes', { verb: 'list', resource: 'nodes' }, {}],
      [r.slices, '/api/resourceslices', { verb: 'list', resource: 'resourceslices.resource.k8s.io' }, {}],
      [r.deviceClasses, '/api/deviceclasses', { verb: 'list', resource: 'deviceclasses.resource.k8s.io' }, {}],
      [r.node, `/api/nodes/${node}`, { verb: 'get', resource: 'nodes' }, { name: node }],
    ] as const) {
      const a = await call(u, h, url, { params });
      expectDecision(a, await canI(as(u), c), `${u} GET ${url}`);
      if (url.startsWith('/api/nodes/'))
        await expectOnlyReadable(u, a, { verb: 'list', resource: 'pods' }, `${u} GET ${url} pods`);
    }
  });

  it('object YAML follows can-i get for that one object (Deployment, Secret, Node)', async () => {
    for (const ns of [users.teamB, OTHER])
      for (const [kind, resource] of [
        ['Deployment', 'deployments.apps'],
        ['Secret', 'secrets'],
      ] as const) {
        const url = `/api/objects/yaml?kind=${kind}&namespace=${ns}&name=${kind === 'Secret' ? 'yaml-secret' : 'web'}`;
        const a = await call(u, r.objectYaml, url);
        expectDecision(a, await canI(as(u), { verb: 'get', resource, ns }), `${u} GET ${url}`);
        if (kind === 'Secret') expect.soft(JSON.stringify(a.json), `${u} ${url}`).not.toContain(SECRET_B64);
      }
    const url = `/api/objects/yaml?kind=Node&name=${node}`;
    expectDecision(
      await call(u, r.objectYaml, url),
      await canI(as(u), { verb: 'get', resource: 'nodes' }),
      `${u} GET ${url}`,
    );
  });

  it('audit, deploy settings and deploy runs follow the rights in the stack namespace', async () => {
    const audit = await call(u, r.audit, '/api/audit');
    expectDecision(audit, await canI(as(u), { verb: 'list', resource: 'events', ns: STACK }), `${u} GET /api/audit`);
    // The export checks the same right, in both formats.
    for (const format of ['csv', 'json']) {
      const url = `/api/audit/export?format=${format}`;
      expectDecision(
        await call(u, r.auditExport, url),
        await canI(as(u), { verb: 'list', resource: 'events', ns: STACK }),
        `${u} GET ${url}`,
      );
    }
    const settings = await call(u, r.settings, '/api/deploy/settings');
    expectDecision(
      settings,
      await canI(as(u), { verb: 'get', resource: 'configmaps', ns: STACK }),
      `${u} GET /api/deploy/settings`,
    );
    // Deploy runs (and their messages) only for users with rights on the bundle's namespace.
    const stackReader = await canI(as(u), { verb: 'list', resource: 'deployments.apps', ns: STACK });
    expectDecision(await call(u, r.runs, '/api/deploy/runs'), stackReader, `${u} GET /api/deploy/runs`);
    expectDecision(
      await call(u, r.runsStream, '/api/deploy/runs/stream'),
      stackReader,
      `${u} GET /api/deploy/runs/stream`,
    );
  });

  it('one pod follows can-i get pods in its namespace; events and the owner chain only where readable', async () => {
    for (const ns of [users.teamB, OTHER]) {
      const params = { namespace: ns, name: pods[ns]! };
      const a = await call(u, r.pod, `/api/pods/${ns}/${pods[ns]}`, { params });
      expectDecision(a, await canI(as(u), { verb: 'get', resource: 'pods', ns }), `${u} GET one pod in ${ns}`);
      if (a.status >= 300) continue;
      const body = a.json as { events: unknown[] | null; owners: { kind: string }[] };
      expect
        .soft(body.events !== null, `${u} pod events in ${ns}`)
        .toBe(await canI(as(u), { verb: 'list', resource: 'events', ns }));
      // The ReplicaSet is named by the pod itself; its Deployment only to those who may read ReplicaSets.
      expect
        .soft(
          body.owners.map((o) => o.kind),
          `${u} pod owners in ${ns}`,
        )
        .toEqual(
          (await canI(as(u), { verb: 'get', resource: 'replicasets.apps', ns }))
            ? ['ReplicaSet', 'Deployment']
            : ['ReplicaSet'],
        );
    }
  });

  it('history and logs follow can-i per namespace (list replicasets, get pods/log)', async () => {
    for (const ns of [users.teamB, OTHER]) {
      const params = { kind: 'deployments', namespace: ns, name: 'web' };
      const h = await call(u, r.history, `/api/workloads/deployments/${ns}/web/history`, { params });
      expectDecision(h, await canI(as(u), { verb: 'list', resource: 'replicasets.apps', ns }), `${u} history in ${ns}`);
      const mayLog = await canI(as(u), { verb: 'get', resource: 'pods', subresource: 'log', ns });
      const q = `namespace=${ns}&pod=${pods[ns]}`;
      expectDecision(await call(u, r.logs, `/api/logs?${q}&follow=false`), mayLog, `${u} logs in ${ns}`);
      expectDecision(await call(u, r.download, `/api/logs/download?${q}`), mayLog, `${u} log download in ${ns}`);
      const mayList = await canI(as(u), { verb: 'list', resource: 'pods', ns });
      expectDecision(
        await call(u, r.logs, `/api/logs?namespace=${ns}&selector=app%3Dweb&follow=false`),
        mayLog && mayList,
        `${u} selector logs in ${ns}`,
      );
    }
  });

  it('metrics: only series of namespaces the user may read; node series only for those who may list nodes', async () => {
    const allPods = await canI(as(u), { verb: 'list', resource: 'pods' });
    const somePods = await canISomewhere(as(u), { verb: 'list', resource: 'pods' }, spaces());
    const listNodes = await canI(as(u), { verb: 'list', resource: 'nodes' });
    const answers: [string, HostileAnswer][] = [
      ['query', await call(u, r.metricsQuery, '/api/metrics/query?query=container_memory_working_set_bytes&range=15m')],
      ['query up', await call(u, r.metricsQuery, '/api/metrics/query?query=up&range=15m')],
      ['idle-gpus', await call(u, r.idleGpus, '/api/metrics/idle-gpus?range=1h')],
      ['idle-hours', await call(u, r.idleHours, '/api/metrics/idle-hours?range=1h')],
    ];
    for (const panel of ['pod-cpu', 'pod-memory', 'gpu-util', 'gpu-memory', 'gpu-allocation', 'components-up'])
      answers.push([
        `panel ${panel}`,
        await call(u, r.panel, `/api/metrics/panels/${panel}?range=15m`, { params: { panel } }),
      ]);
    for (const [what, a] of answers) {
      const label = `${u} metrics ${what}`;
      if (!somePods) {
        expect.soft(a.status, `${label}: may read no namespace`).toBe(403);
        continue;
      }
      expect([200, 403], `${label}: ${a.status} ${JSON.stringify(a.json)?.slice(0, 200)}`).toContain(a.status);
      if (a.status !== 200 || allPods) continue;
      await expectOnlyReadable(u, a, { verb: 'list', resource: 'pods' }, label);
      if (!listNodes) {
        const series = (a.json as { series?: { labels: Record<string, string> }[] }).series ?? [];
        const unscoped = series.filter((s) => !s.labels.namespace);
        expect.soft(unscoped.length, `${label}: ${unscoped.length} series without a namespace`).toBe(0);
      }
    }
  });

  it('health names the API server and cluster-wide counts only to users who may list nodes', async () => {
    const a = await call(u, r.health, '/api/health');
    expect(a.status).toBe(200);
    const server = devKubeConfig().getCurrentCluster()!.server;
    const text = JSON.stringify(a.json);
    if (!(await canI(as(u), { verb: 'list', resource: 'nodes' }))) {
      const host = server.replace(/^https?:\/\//, '');
      expect(text.includes(host), `${u} sees ${server} in /api/health`).toBe(false);
      // Every answer that carries the cache health redacts it alike (the audit trail's too).
      const audit = await call(u, r.audit, '/api/audit');
      expect(JSON.stringify(audit.json).includes(host), `${u} sees ${server} in /api/audit`).toBe(false);
    }
  });

  it('can-i answers exactly what kubectl auth can-i says', async () => {
    const checks = [
      { verb: 'list', resource: 'pods', namespace: users.teamA },
      { verb: 'list', resource: 'pods', namespace: users.teamB },
      { verb: 'patch', group: 'apps', resource: 'deployments', namespace: users.teamB },
      { verb: 'patch', group: 'apps', resource: 'deployments', namespace: OTHER },
      { verb: 'get', resource: 'pods', subresource: 'log', namespace: OTHER },
      { verb: 'patch', resource: 'nodes' },
      { verb: 'list', resource: 'nodes' },
      { verb: 'create', group: 'apps', resource: 'deployments', namespace: STACK },
    ];
    const a = await call(u, r.canI, '/api/auth/can-i', { body: { checks } });
    expect(a.status).toBe(200);
    const got = (a.json as { results: { allowed: boolean }[] }).results.map((x) => x.allowed);
    const want = await Promise.all(
      checks.map((c) =>
        canI(as(u), {
          verb: c.verb,
          resource: c.group ? `${c.resource}.${c.group}` : c.resource,
          ns: c.namespace,
          subresource: c.subresource,
        }),
      ),
    );
    expect(got).toEqual(want);
  });
});

/** One write of the matrix: who may do it (can-i), and the request. */
interface Write {
  what: string;
  can: Can;
  send: (u: TestUser) => Promise<HostileAnswer>;
}

async function nodeRv(): Promise<string> {
  return (await kubectlJson<{ metadata: { resourceVersion: string } }>(['get', 'node', node])).metadata.resourceVersion;
}

/** The node's taints now, with one more (the route writes the whole list). */
async function taintsPlusOne(): Promise<{ taints: unknown[]; resourceVersion: string }> {
  const n = await kubectlJson<{ metadata: { resourceVersion: string }; spec: { taints?: unknown[] } }>([
    'get',
    'node',
    node,
  ]);
  const taints = [...(n.spec.taints ?? []), { key: 'rbac-matrix', value: 'x', effect: 'NoSchedule' }];
  return { taints, resourceVersion: n.metadata.resourceVersion };
}

function writes(): Write[] {
  const out: Write[] = [];
  for (const ns of [users.teamB, OTHER]) {
    const params = { kind: 'deployments', namespace: ns, name: 'web' };
    const base = `/api/workloads/deployments/${ns}/web`;
    out.push(
      {
        what: `scale ${ns}/web`,
        can: { verb: 'patch', resource: 'deployments.apps', subresource: 'scale', ns },
        send: (u) => call(u, r.scale, `${base}/scale`, { method: 'PATCH', params, body: { replicas: 2 } }),
      },
      {
        what: `restart ${ns}/web`,
        can: { verb: 'patch', resource: 'deployments.apps', ns },
        send: (u) => call(u, r.restart, `${base}/restart`, { params, body: {} }),
      },
      {
        what: `pause ${ns}/web`,
        can: { verb: 'patch', resource: 'deployments.apps', ns },
        send: (u) => call(u, r.pause, `${base}/pause`, { params, body: {} }),
      },
    );
    const cron = { kind: 'cronjobs', namespace: ns, name: 'nightly' };
    const cronBase = `/api/workloads/cronjobs/${ns}/nightly`;
    out.push(
      {
        what: `resume cronjob ${ns}/nightly`,
        can: { verb: 'patch', resource: 'cronjobs.batch', ns },
        send: (u) => call(u, r.suspend, `${cronBase}/suspend`, { params: cron, body: { suspend: false } }),
      },
      {
        what: `run now cronjob ${ns}/nightly`,
        can: { verb: 'create', resource: 'jobs.batch', ns },
        send: (u) => call(u, r.runNow, `${cronBase}/run`, { params: cron, body: {} }),
      },
    );
  }
  const params = { name: node };
  out.push(
    {
      what: `label node ${node}`,
      can: { verb: 'patch', resource: 'nodes' },
      send: async (u) =>
        call(u, r.labels, `/api/nodes/${node}/labels`, {
          method: 'PATCH',
          params,
          body: { edits: [{ op: 'set', key: 'rbac-matrix', value: 'x' }], resourceVersion: await nodeRv() },
        }),
    },
    {
      what: `bulk-label node ${node}`,
      can: { verb: 'patch', resource: 'nodes' },
      send: async (u) =>
        call(u, r.bulkLabels, '/api/nodes/labels', {
          body: {
            nodes: [{ name: node, resourceVersion: await nodeRv() }],
            edits: [{ op: 'set', key: 'rbac-matrix', value: 'y' }],
          },
        }),
    },
    {
      what: `taint node ${node}`,
      can: { verb: 'patch', resource: 'nodes' },
      send: async (u) =>
        call(u, r.taints, `/api/nodes/${node}/taints`, {
          method: 'PATCH',
          params,
          body: await taintsPlusOne(),
        }),
    },
    {
      what: `cordon node ${node}`,
      can: { verb: 'patch', resource: 'nodes' },
      send: (u) => call(u, r.cordon, `/api/nodes/${node}/cordon`, { params, body: { unschedulable: true } }),
    },
    {
      what: 'deploy the stack',
      can: { verb: 'create', resource: 'deployments.apps', ns: STACK },
      send: (u) => call(u, r.deploy, '/api/deploy/runs', { body: { settings: DEFAULT_SETTINGS } }),
    },
    {
      what: 'undeploy the stack',
      can: { verb: 'delete', resource: 'deployments.apps', ns: STACK },
      send: (u) => call(u, r.undeploy, '/api/deploy/undeploy', { body: { confirm: STACK } }),
    },
    {
      what: 'resume a deploy run',
      can: { verb: 'create', resource: 'deployments.apps', ns: STACK },
      send: (u) => call(u, r.resumeRun, '/api/deploy/runs/resume', { body: { id: crypto.randomUUID() } }),
    },
  );
  return out;
}

describe('RBAC matrix: writes', () => {
  it('every write a user may not do is a 403, and the cluster is unchanged', async () => {
    const before = await clusterDigest(new Set([users.ns]));
    const tried: string[] = [];
    for (const u of USERS)
      for (const w of writes()) {
        if (await canI(as(u), w.can)) continue;
        tried.push(`${u}: ${w.what}`);
        expectDecision(await w.send(u), false, `${u} ${w.what}`);
      }
    expect(tried.length).toBeGreaterThan(20);
    // A refused deploy that was started anyway would change things only later: give it time.
    await new Promise((res) => setTimeout(res, 2000));
    expect(digestDiff(before, await clusterDigest(new Set([users.ns])))).toEqual([]);
  });

  it('the edit user may scale, restart and pause in its namespace (and the admin anywhere)', async () => {
    // The edit user in its own namespace; the admin in the other (each starts from a running rollout).
    for (const [u, ns] of [
      ['teamEditor', users.teamB],
      ['admin', OTHER],
    ] as const)
      for (const w of writes().filter((x) => /^(scale|restart|pause) /.test(x.what) && x.what.includes(`${ns}/`))) {
        if (!(await canI(as(u), w.can))) continue;
        const a = await w.send(u);
        expectDecision(a, true, `${u} ${w.what}`);
      }
    for (const ns of [users.teamB, OTHER]) {
      const d = await kubectlJson<{
        spec: { replicas: number; paused?: boolean; template: { metadata: { annotations?: Record<string, string> } } };
      }>(['get', 'deployment', 'web', '-n', ns]);
      expect(d.spec.replicas, ns).toBe(2);
      expect(d.spec.paused, ns).toBe(true);
      expect(d.spec.template.metadata.annotations?.['kubectl.kubernetes.io/restartedAt'], ns).toBeTruthy();
    }
  });

  it('the edit user may resume and run a CronJob in its namespace (and the admin anywhere): a manual Job', async () => {
    for (const [u, ns] of [
      ['teamEditor', users.teamB],
      ['admin', OTHER],
    ] as const)
      for (const w of writes().filter((x) => x.what.includes(`cronjob ${ns}/`))) {
        expect(await canI(as(u), w.can), `${u} ${w.what}`).toBe(true);
        expectDecision(await w.send(u), true, `${u} ${w.what}`);
      }
    for (const ns of [users.teamB, OTHER]) {
      const cj = await kubectlJson<{ spec: { suspend?: boolean } }>(['get', 'cronjob', 'nightly', '-n', ns]);
      expect(cj.spec.suspend, ns).toBe(false);
      const jobs = await kubectlJson<{ items: { metadata: { annotations?: Record<string, string> } }[] }>([
        'get',
        'jobs',
        '-n',
        ns,
        '-o',
        'json',
      ]);
      expect(
        jobs.items.filter((j) => j.metadata.annotations?.['cronjob.kubernetes.io/instantiate'] === 'manual'),
        ns,
      ).toHaveLength(1);
      // Scheduled for 1 January: resumed, it still starts nothing by itself during the test.
      await kubectl(['patch', 'cronjob', 'nightly', '-n', ns, '--type=merge', '-p', '{"spec":{"suspend":true}}']);
    }
  });

  it('the admin may label, taint and cordon a node (then it is put back)', async () => {
    const n0 = await kubectlJson<{ metadata: { labels: Record<string, string> }; spec: { taints?: unknown[] } }>([
      'get',
      'node',
      node,
    ]);
    try {
      for (const w of writes().filter((x) => /node/.test(x.what))) expectDecision(await w.send('admin'), true, w.what);
    } finally {
      await kubectl(['label', 'node', node, 'rbac-matrix-']);
      await kubectl(['taint', 'node', node, 'rbac-matrix:NoSchedule-']).catch(() => undefined);
      await kubectl(['uncordon', node]);
    }
    const n1 = await kubectlJson<typeof n0>(['get', 'node', node]);
    expect(n1.metadata.labels).toEqual(n0.metadata.labels);
  });
});

describe('RBAC matrix: drain (on nodes of its own)', () => {
  const scene = drainScene(crypto.randomUUID().slice(0, 6));
  const podsOnNode = async () =>
    (
      await kubectlJson<{ items: { metadata: { namespace: string; name: string; uid: string } }[] }>([
        'get',
        'pods',
        '-n',
        scene.namespace,
        '--field-selector',
        `spec.nodeName=${scene.node}`,
      ])
    ).items.map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name, uid: p.metadata.uid }));
  const unschedulable = async () =>
    Boolean(
      (await kubectlJson<{ spec?: { unschedulable?: boolean } }>(['get', 'node', scene.node])).spec?.unschedulable,
    );
  beforeAll(async () => {
    for (const m of scene.manifests) await apply(m);
    await eventually(async () => (await podsOnNode()).length === 4, 60_000, 'the drain scene pods on its node');
  }, 90_000);
  afterAll(async () => {
    await kubectl(['delete', 'namespace', scene.namespace, '--wait=false']).catch(() => undefined);
    await kubectl(['delete', 'node', scene.node, scene.spare, '--ignore-not-found']).catch(() => undefined);
  });

  it('the preview follows can-i get/list nodes and list pods; the drain can-i patch nodes and create pods/eviction', async () => {
    const params = { name: scene.node };
    const url = `/api/nodes/${scene.node}/drain`;
    const pods = await podsOnNode();
    const body = { pods, evictLocalStorage: false, evictUnmanaged: false };
    const outcomes: string[] = [];
    // The admin last: its drain is the one that changes the node.
    for (const u of ['viewer', 'nobody', 'teamViewer', 'teamEditor', 'admin'] as const) {
      const reads =
        (await canI(as(u), { verb: 'get', resource: 'nodes' })) &&
        (await canI(as(u), { verb: 'list', resource: 'nodes' })) &&
        (await canI(as(u), { verb: 'list', resource: 'pods' }));
      expectDecision(await call(u, r.drainPreview, url, { params }), reads, `${u} drain preview`);
      const writes =
        (await canI(as(u), { verb: 'patch', resource: 'nodes' })) &&
        (await canI(as(u), { verb: 'create', resource: 'pods', subresource: 'eviction', ns: scene.namespace }));
      const a = await call(u, r.drain, url, { params, body });
      expectDecision(a, writes, `${u} drain`);
      outcomes.push(`${u}:${reads ? 'reads' : '-'}:${writes ? 'drains' : '-'}`);
      if (!writes) {
        expect.soft(await unschedulable(), `${u} left the node schedulable`).toBe(false);
        expect
          .soft((await podsOnNode()).map((p) => p.uid).sort(), `${u} evicted nothing`)
          .toEqual(pods.map((p) => p.uid).sort());
      }
    }
    // The control: only the admin may drain, and it did.
    expect(outcomes.filter((o) => o.endsWith(':drains'))).toEqual(['admin:reads:drains']);
    expect(await unschedulable()).toBe(true);
  }, 90_000);
});
