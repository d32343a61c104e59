import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  cookieFrom,
  createNamespace,
  eventually,
  kubectl,
  kubectlJson,
  readEvents,
  signIn,
  uniqueName,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { POST: login } = await import('@/app/api/auth/login/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { GET: session } = await import('@/app/api/auth/session/route');
const { POST: canI } = await import('@/app/api/auth/can-i/route');
const { GET: pods } = await import('@/app/api/pods/route');
const { GET: nodes } = await import('@/app/api/nodes/route');
const { GET: workloads } = await import('@/app/api/workloads/route');
const { GET: audit } = await import('@/app/api/audit/route');
const { GET: stream } = await import('@/app/api/stream/route');
const { PATCH: scale } = await import('@/app/api/workloads/[kind]/[namespace]/[name]/scale/route');
const { newSession, sealSession, COOKIE } = await import('@/lib/server/auth/session');
const { resetLoginLimits } = await import('@/lib/server/auth/login-limiter');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');

const users = new TestUsers();
const NS = uniqueName('it-auth');
const OTHER = uniqueName('it-auth-other');
const cookies: Record<'admin' | 'viewer' | 'nobody' | 'team', string> = { admin: '', viewer: '', nobody: '', team: '' };

function deployment(name: string, ns: string, replicas: number) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'c', image: 'registry.example/app:1' }] },
      },
    },
  };
}
const replicasOf = async (ns: string, name: string) =>
  (await kubectlJson<{ spec: { replicas: number } }>(['get', 'deployment', name, '-n', ns])).spec.replicas;
const scaleAs = (cookie: string, replicas: unknown, headers: Record<string, string> = {}, name = 'api') =>
  callRoute(scale, `/api/workloads/deployments/${NS}/${name}/scale`, {
    method: 'PATCH',
    cookie,
    body: { replicas },
    params: { kind: 'deployments', namespace: NS, name },
    headers,
  });

describe('identity, access and audit on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined); // the audit trail's namespace
    await users.create();
    await createNamespace(NS);
    await createNamespace(OTHER);
    await apply(deployment('api', NS, 2));
    await apply(deployment('other', OTHER, 1));
    // `team` may read and scale in NS only (a RoleBinding of the built-in `edit` role).
    await kubectl(['create', 'serviceaccount', 'team', '-n', users.ns]);
    await kubectl([
      'create',
      'rolebinding',
      'team-edit',
      '--clusterrole=edit',
      `--serviceaccount=${users.ns}:team`,
      '-n',
      NS,
    ]);
    cookies.admin = await signIn(await users.token('admin'));
    cookies.viewer = await signIn(await users.token('viewer'));
    cookies.nobody = await signIn(await users.token('nobody'));
    cookies.team = await signIn((await kubectl(['create', 'token', 'team', '-n', users.ns])).trim());
    await eventually(
      () =>
        getClusterCache().views.workloads.get(`Deployment/${NS}/api`) &&
        getClusterCache().views.workloads.get(`Deployment/${OTHER}/other`),
      30_000,
      'deployments cached',
    );
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, OTHER, '--wait=false']);
    await users.remove();
  });

  describe('sign-in', () => {
    it('accepts a ServiceAccount token: the API server names the user; the cookie is sealed, HttpOnly, SameSite=Strict', async () => {
      const token = await users.token('admin', '10m');
      const res = await callRoute<{ user: { username: string; groups: string[] } }>(login, '/api/auth/login', {
        body: { token },
      });
      expect(res.status).toBe(200);
      expect(res.body.user.username).toBe(users.username('admin'));
      expect(res.body.user.groups).toContain('system:authenticated');
      const set = res.headers.getSetCookie().join('\n');
      expect(set).toMatch(new RegExp(`^${COOKIE}=Fe26\\.2\\*`));
      expect(set).toContain('HttpOnly');
      expect(set).toContain('SameSite=Strict');
      expect(set).not.toContain('Secure'); // plain http (port-forward)
      expect(set).not.toContain(token.slice(0, 40));
      expect(JSON.stringify(res.body)).not.toContain(token.slice(0, 40));
      // The session ends no later than the token.
      const me = await callRoute<{ user: { username: string }; expiresAt: string }>(session, '/api/auth/session', {
        cookie: cookieFrom(res.headers),
      });
      expect(me.body.user.username).toBe(users.username('admin'));
      expect(Date.parse(me.body.expiresAt)).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1000);
    });

    it('marks the cookie Secure behind TLS', async () => {
      const res = await callRoute(login, '/api/auth/login', {
        body: { token: await users.token('viewer') },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers.getSetCookie()[0]).toMatch(/^__Host-imagepod_session=.*; Secure/);
    });

    it.each([
      ['empty', { token: '' }, 400],
      ['whitespace', { token: '   ' }, 400],
      ['1 MB', { token: 'a'.repeat(1 << 20) }, 413],
      ['3 kB', { token: 'a'.repeat(3000) }, 400],
      ['garbage', { token: 'not-a-token' }, 401],
      ['control characters', { token: 'abc\u0000def' }, 400],
      ['a token from another cluster', { token: foreignJwt() }, 401],
      ['a number', { token: 42 }, 400],
      ['extra fields', { token: 'x', admin: true }, 400],
      ['no token', {}, 400],
    ])('refuses %s with a clear 4xx and no cookie', async (_, body, status) => {
      const res = await callRoute(login, '/api/auth/login', { body });
      expect(res.status).toBe(status);
      expect(res.body.error?.message).toBeTruthy();
      expect(res.headers.getSetCookie()).toEqual([]);
    });

    it('refuses a body that is not JSON', async () => {
      expect((await callRoute(login, '/api/auth/login', { rawBody: 'token=abc' })).status).toBe(400);
      const form = await callRoute(login, '/api/auth/login', {
        rawBody: 'token=abc',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);
    });

    it('records failed sign-ins in the audit trail', async () => {
      await callRoute(login, '/api/auth/login', { body: { token: 'definitely-wrong' } });
      await eventually(
        async () => {
          const r = await callRoute<{ items: { action: string; result: string }[] }>(
            audit,
            '/api/audit?action=login-failed',
            { cookie: cookies.admin },
          );
          return r.body.items?.some((i) => i.result === 'failure');
        },
        15_000,
        'login-failed audit row',
      );
    });

    it('rate-limits sign-in attempts', async () => {
      const saved = process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE;
      process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE = '3';
      resetLoginLimits();
      try {
        const answers = [];
        for (let i = 0; i < 4; i++)
          answers.push(await callRoute(login, '/api/auth/login', { body: { token: 'wrong' } }));
        expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
        expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
      } finally {
        process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE = saved;
        resetLoginLimits();
      }
    });
  });

  describe('sessions', () => {
    it('refuses a tampered, foreign, expired or idle cookie with 401 and clears it', async () => {
      const good = cookies.admin.split('=')[1]!;
      const flipped = good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41);
      const user = { username: users.username('admin'), groups: [] };
      const token = await users.token('admin');
      const expired = newSession({ mode: 'token', token, user }, Date.now() - 13 * 3_600_000);
      const idle = { ...newSession({ mode: 'token', token, user }), seen: Date.now() - 2 * 3_600_000 };
      for (const [what, value] of [
        ['tampered', flipped],
        ['garbage', 'Fe26.2**garbage'],
        ['empty', ''],
        ['expired', await sealSession(expired)],
        ['idle', await sealSession(idle)],
      ] as const) {
        const res = await callRoute(pods, '/api/pods', { cookie: `${COOKIE}=${value}` });
        expect(res.status, what).toBe(401);
        expect(res.body.error?.code, what).toBe('UNAUTHENTICATED');
      }
    });

    it('logout ends the session: the cookie is cleared and replaying it is refused', async () => {
      const cookie = await signIn(await users.token('viewer'));
      expect((await callRoute(pods, '/api/pods', { cookie })).status).toBe(200);
      const out = await callRoute(logout, '/api/auth/logout', { cookie, body: {} });
      expect(out.status).toBe(200);
      expect(out.headers.getSetCookie().every((c) => c.includes('Max-Age=0'))).toBe(true);
      const replay = await callRoute(pods, '/api/pods', { cookie });
      expect(replay.status).toBe(401);
      expect(replay.body.error?.message).toMatch(/signed out/);
    });
  });

  describe("reads are cut to the user's rights", () => {
    it('admin sees everything; viewer sees workloads but not nodes; nobody sees nothing', async () => {
      expect((await callRoute(nodes, '/api/nodes', { cookie: cookies.admin })).status).toBe(200);
      const vw = await callRoute<{ items: { key: string }[] }>(workloads, '/api/workloads', { cookie: cookies.viewer });
      expect(vw.status).toBe(200);
      expect(vw.body.items.map((w) => w.key)).toContain(`Deployment/${NS}/api`);
      const vn = await callRoute(nodes, '/api/nodes', { cookie: cookies.viewer });
      expect(vn.status).toBe(403);
      expect(vn.body.error?.message).toMatch(/does not allow .* to list nodes/);
      for (const h of [pods, nodes, workloads]) {
        const r = await callRoute(h, '/api/x', { cookie: cookies.nobody });
        expect(r.status).toBe(403);
        expect(r.body.error?.message).toContain(users.username('nobody'));
      }
    });

    it('a namespace-bound user sees only that namespace', async () => {
      const r = await callRoute<{ items: { key: string; namespace: string }[] }>(workloads, '/api/workloads', {
        cookie: cookies.team,
      });
      expect(r.status).toBe(200);
      expect(new Set(r.body.items.map((w) => w.namespace))).toEqual(new Set([NS]));
    });

    it('the live stream carries only what the user may see', async () => {
      const ctrl = new AbortController();
      const res = await stream(
        new NextRequest('http://127.0.0.1/api/stream', { signal: ctrl.signal, headers: { cookie: cookies.team } }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(200);
      await readEvents(res, (ev) => ev.some((e) => e.event === 'hello'));
      await kubectl(['annotate', 'deployment', 'other', '-n', OTHER, `touch=${Date.now()}`]);
      await kubectl(['annotate', 'deployment', 'api', '-n', NS, `touch=${Date.now()}`]);
      const events = await readEvents(res, (ev) =>
        ev.some(
          (e) =>
            e.event === 'delta' &&
            (e.data as { upserts: { key: string }[] }).upserts.some((u) => u.key === `Deployment/${NS}/api`),
        ),
      );
      const keys = events
        .filter((e) => e.event === 'delta')
        .flatMap((e) => (e.data as { upserts: { key: string }[] }).upserts.map((u) => u.key));
      expect(keys.every((k) => k.includes(`/${NS}/`))).toBe(true);
      ctrl.abort();
    });
  });

  describe("writes run with the user's own credentials", () => {
    it('admin scales; the audit trail names the admin', async () => {
      const res = await scaleAs(cookies.admin, 3);
      expect(res.status).toBe(200);
      expect(await replicasOf(NS, 'api')).toBe(3);
      const row = await eventually(
        async () => {
          const r = await callRoute<{
            items: {
              action: string;
              user: string;
              result: string;
              target: { name: string; namespace: string };
              details: { from: number; to: number };
            }[];
          }>(audit, `/api/audit?action=scale&user=${encodeURIComponent(users.username('admin'))}`, {
            cookie: cookies.admin,
          });
          return r.body.items?.find((i) => i.target?.namespace === NS && i.details?.to === 3);
        },
        15_000,
        'scale audit row',
      );
      expect(row).toMatchObject({ user: users.username('admin'), result: 'success', details: { from: 2, to: 3 } });
      const events = await kubectlJson<{ items: { metadata: { annotations: Record<string, string> } }[] }>([
        'get',
        'events.events.k8s.io',
        '-n',
        'imagepod',
        '-l',
        'imagepod.io/audit-action=scale',
      ]);
      expect(
        events.items.some((e) => e.metadata.annotations['audit.imagepod.io/user'] === users.username('admin')),
      ).toBe(true);
    });

    it('viewer gets 403 from Kubernetes itself, and nothing changes; the denial is audited', async () => {
      const before = await replicasOf(NS, 'api');
      const res = await scaleAs(cookies.viewer, 7);
      expect(res.status).toBe(403);
      expect(res.body.error?.message).toMatch(/forbidden/i);
      expect(res.body.error?.message).toContain(users.username('viewer'));
      expect(await replicasOf(NS, 'api')).toBe(before);
      await eventually(
        async () => {
          const r = await callRoute<{ items: { result: string }[] }>(
            audit,
            `/api/audit?action=scale&result=denied&user=${encodeURIComponent(users.username('viewer'))}`,
            { cookie: cookies.admin },
          );
          return r.body.items?.length;
        },
        15_000,
        'denied audit row',
      );
    });

    it('a namespace-bound user may scale in its namespace only', async () => {
      expect((await scaleAs(cookies.team, 2)).status).toBe(200);
      const other = await callRoute(scale, `/api/workloads/deployments/${OTHER}/other/scale`, {
        method: 'PATCH',
        cookie: cookies.team,
        body: { replicas: 4 },
        params: { kind: 'deployments', namespace: OTHER, name: 'other' },
      });
      expect(other.status).toBe(403);
      expect(await replicasOf(OTHER, 'other')).toBe(1);
    });

    it('headers from the browser never reach the API server: Impersonate-* and Authorization are ignored', async () => {
      const before = await replicasOf(NS, 'api');
      const adminToken = await users.token('admin');
      const res = await scaleAs(cookies.viewer, 9, {
        'Impersonate-User': users.username('admin'),
        'Impersonate-Group': 'system:masters',
        Authorization: `Bearer ${adminToken}`,
      });
      expect(res.status).toBe(403);
      expect(await replicasOf(NS, 'api')).toBe(before);
    });

    it('access reviews answer per user, for the UI to hide what is not allowed', async () => {
      const checks = [
        { verb: 'patch', group: 'apps', resource: 'deployments', subresource: 'scale', namespace: NS },
        { verb: 'list', resource: 'nodes' },
      ];
      const a = await callRoute<{ results: { allowed: boolean }[] }>(canI, '/api/auth/can-i', {
        cookie: cookies.admin,
        body: { checks },
      });
      const v = await callRoute<{ results: { allowed: boolean }[] }>(canI, '/api/auth/can-i', {
        cookie: cookies.viewer,
        body: { checks },
      });
      const t = await callRoute<{ results: { allowed: boolean }[] }>(canI, '/api/auth/can-i', {
        cookie: cookies.team,
        body: { checks },
      });
      expect(a.body.results.map((r) => r.allowed)).toEqual([true, true]);
      expect(v.body.results.map((r) => r.allowed)).toEqual([false, false]);
      expect(t.body.results.map((r) => r.allowed)).toEqual([true, false]);
      for (const bad of [
        { checks: [] },
        { checks: Array(51).fill(checks[0]) },
        { checks: [{ verb: 'escalate', resource: 'x' }] },
        { checks: [{ verb: 'get', resource: '../secrets' }] },
      ]) {
        expect((await callRoute(canI, '/api/auth/can-i', { cookie: cookies.admin, body: bad })).status).toBe(400);
      }
    });
  });

  describe('cross-site request protection', () => {
    it.each([
      ['a foreign Origin', { origin: 'https://evil.example' }],
      ['no Origin', { origin: '' }],
      ['Origin null', { origin: 'null' }],
      ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
      ['a look-alike host', { origin: 'http://127.0.0.1.evil.example' }],
    ])('refuses a write with %s (403) and changes nothing', async (_, headers) => {
      const before = await replicasOf(NS, 'api');
      const res = await scaleAs(cookies.admin, 8, headers);
      expect(res.status).toBe(403);
      expect(await replicasOf(NS, 'api')).toBe(before);
      expect((await callRoute(login, '/api/auth/login', { body: { token: 'x' }, headers })).status).toBe(403);
    });
  });

  describe('bad input on scale', () => {
    it.each([
      [-1, 'replicas'],
      [1e9, 'replicas'],
      ['3abc', 'replicas'],
      [2.5, 'replicas'],
      [null, 'replicas'],
    ])('replicas %s → 400 naming the field, nothing changes', async (replicas, field) => {
      const before = await replicasOf(NS, 'api');
      const res = await scaleAs(cookies.admin, replicas);
      expect(res.status).toBe(400);
      expect(res.body.error?.field).toBe(field);
      expect(await replicasOf(NS, 'api')).toBe(before);
    });

    it('refuses hostile path parameters and unknown workloads', async () => {
      const bad = await callRoute(scale, '/x', {
        method: 'PATCH',
        cookie: cookies.admin,
        body: { replicas: 1 },
        params: { kind: 'daemonsets', namespace: NS, name: 'api' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error?.message).toMatch(/DaemonSet/);
      const evil = await callRoute(scale, '/x', {
        method: 'PATCH',
        cookie: cookies.admin,
        body: { replicas: 1 },
        params: { kind: 'deployments', namespace: '../kube-system', name: 'api' },
      });
      expect(evil.status).toBe(400);
      const missing = await scaleAs(cookies.admin, 1, {}, 'no-such-deployment');
      expect(missing.status).toBe(404);
      const huge = await callRoute(scale, '/x', {
        method: 'PATCH',
        cookie: cookies.admin,
        rawBody: JSON.stringify({ replicas: 1, pad: 'x'.repeat(100_000) }),
        params: { kind: 'deployments', namespace: NS, name: 'api' },
      });
      expect(huge.status).toBe(413);
    });
  });
});

/** A well-formed service-account JWT signed by a key this cluster has never seen. */
function foreignJwt(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return [
    b64({ alg: 'RS256', kid: 'foreign' }),
    b64({
      iss: 'https://kubernetes.default.svc.cluster.local',
      sub: 'system:serviceaccount:kube-system:default',
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: now + 3600,
      iat: now,
    }),
    Buffer.alloc(256, 7).toString('base64url'),
  ].join('.');
}
