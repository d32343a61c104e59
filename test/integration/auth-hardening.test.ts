/**
 * Sign-in and audit hardening on the devcluster (issue "Hardening", items 2, 3, 9 and parts of 10):
 * unauthenticated requests write a bounded number of audit Events (none for an SSO callback
 * without its flow cookie), the sign-in limit counts failures per client and GETs never spend it,
 * the panel's audit records carry a MAC that a forged Event lacks, a deploy is recorded when it
 * starts, the session cookie's `__Host-` prefix means something, and local sessions stay local.
 */
import * as oidcClient from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/deploy/settings';
import { AUDIT_ACTION_LABEL, AUDIT_LABEL, AUDIT_MAC_ANNOTATION } from '@/lib/audit';
import { KUBECONFIG, TestUsers, callRoute, cookieFrom, eventually, kubectl, signIn, uniqueName } from './helpers';
import { AUDIT_NS, FAKE_OIDC, auditEventCount, auditEvents, withAuthSettings } from './auth-hardening-helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { POST: login } = await import('@/app/api/auth/login/route');
const { GET: session } = await import('@/app/api/auth/session/route');
const { GET: oidcStart } = await import('@/app/api/auth/oidc/start/route');
const { GET: oidcCallback } = await import('@/app/api/auth/oidc/callback/route');
const { GET: audit } = await import('@/app/api/audit/route');
const { resetLoginLimits } = await import('@/lib/server/auth/login-limiter');
const { flushSignInFailures } = await import('@/lib/server/audit/sign-in-failures');
const { COOKIE, SECURE_COOKIE, newSession, sealSession } = await import('@/lib/server/auth/session');
const { tokenKubeConfig } = await import('@/lib/server/auth/identity');
const { getDeployRunner } = await import('@/lib/server/deploy/runner');

const users = new TestUsers();
let adminCookie = '';

interface Row {
  key: string;
  action: string;
  user: string;
  result: string;
  message: string;
  verified: boolean;
  details?: Record<string, unknown>;
}
const auditRows = async (q = '') =>
  (await callRoute<{ items: Row[] }>(audit, `/api/audit?limit=5000${q}`, { cookie: adminCookie })).body.items;

/** Runs `fn` with a sign-in limit of `perMinute` failures, from a clean slate. */
async function withLimit<T>(perMinute: number, fn: () => Promise<T>): Promise<T> {
  const saved = process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE;
  process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE = String(perMinute);
  resetLoginLimits();
  try {
    return await fn();
  } finally {
    process.env.IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE = saved;
    resetLoginLimits();
  }
}

/** An issuer configuration made locally (never discovered over the network): SSO "on" offline. */
function offlineIssuer(): void {
  const g = globalThis as typeof globalThis & { __imagepodOidc?: Promise<oidcClient.Configuration> };
  g.__imagepodOidc = Promise.resolve(
    new oidcClient.Configuration(
      {
        issuer: FAKE_OIDC.issuer,
        authorization_endpoint: `${FAKE_OIDC.issuer}/auth`,
        token_endpoint: `${FAKE_OIDC.issuer}/token`,
      },
      FAKE_OIDC.clientId,
      undefined,
      oidcClient.None(),
    ),
  );
}

const tokenLogin = (token: string, headers: Record<string, string> = {}) =>
  callRoute(login, '/api/auth/login', { body: { token }, headers });

describe('sign-in and audit hardening on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', AUDIT_NS]).catch(() => undefined);
    await users.create();
    adminCookie = await signIn(await users.token('admin'));
  });
  afterAll(async () => {
    await users.remove();
  });

  describe('what unauthenticated requests may write', () => {
    it('an SSO callback without the flow cookie writes no Event — SSO off, SSO on, or with a forged cookie', async () => {
      const before = await auditEventCount();
      const answers: string[] = [];
      for (let i = 0; i < 30; i++)
        answers.push((await callRoute(oidcCallback, `/api/auth/oidc/callback?code=x${i}`)).body.raw as string);
      const restore = await withAuthSettings({ oidc: FAKE_OIDC });
      offlineIssuer();
      try {
        for (let i = 0; i < 30; i++) {
          const q = `?code=x${i}&state=y&error=${i % 2 ? 'access_denied' : ''}`;
          answers.push((await callRoute(oidcCallback, `/api/auth/oidc/callback${q}`)).body.raw as string);
          const forged = await callRoute(oidcCallback, `/api/auth/oidc/callback${q}`, {
            cookie: `imagepod_oidc=Fe26.2**forged${i}`,
          });
          answers.push(forged.body.raw as string);
        }
      } finally {
        restore();
      }
      expect(answers.every((a) => /url=\/login\?error=sso-(unavailable|expired|denied)"/.test(a))).toBe(true);
      expect(await auditEventCount()).toBe(before);
    });

    it('30 failed token sign-ins write at most 5 Events, then one summary with the count', async () => {
      await flushSignInFailures();
      const before = await auditEventCount();
      for (let i = 0; i < 30; i++) expect((await tokenLogin(`bad-token-${i}`)).status).toBe(401);
      const written = (await auditEventCount()) - before;
      console.log(`[figures] 30 failed sign-ins → ${written} audit Events before the window closes`);
      expect(written).toBeLessThanOrEqual(5);
      await flushSignInFailures();
      expect((await auditEventCount()) - before).toBeLessThanOrEqual(6);
      const summary = await eventually(
        async () => (await auditRows('&action=login-failed')).find((r) => r.details?.suppressed === 25),
        15_000,
        'summary row',
      );
      expect(summary.message).toMatch(/^25 more failed sign-ins between /);
      expect(summary.verified).toBe(true);
    });
  });

  describe('sign-in limit: failures per client, never GETs', () => {
    it('nine and more GETs of oidc/start (SSO off and on) spend nothing: a real sign-in then succeeds', async () => {
      await withLimit(3, async () => {
        for (let i = 0; i < 12; i++) expect((await callRoute(oidcStart, '/api/auth/oidc/start')).status).toBe(404);
        const restore = await withAuthSettings({ oidc: FAKE_OIDC });
        offlineIssuer();
        try {
          for (let i = 0; i < 12; i++) expect((await callRoute(oidcStart, '/api/auth/oidc/start')).status).toBe(303);
        } finally {
          restore();
        }
        expect((await tokenLogin(await users.token('viewer'))).status).toBe(200);
      });
    });

    it('counts failures, not attempts: successful sign-ins spend nothing; three failures then 429 for that client', async () => {
      await withLimit(3, async () => {
        const good = await users.token('viewer');
        for (let i = 0; i < 6; i++) expect((await tokenLogin(good)).status).toBe(200);
        const bad = [];
        for (let i = 0; i < 4; i++) bad.push((await tokenLogin('wrong')).status);
        expect(bad).toEqual([401, 401, 401, 429]);
        const refused = await tokenLogin(good);
        expect(refused.status).toBe(429);
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      });
    });

    it("behind a trusted proxy, a stranger's failures (and forged X-Forwarded-For) never lock out another client", async () => {
      const restore = await withAuthSettings({ trustProxy: true });
      try {
        await withLimit(3, async () => {
          const stranger = { 'x-forwarded-for': '203.0.113.7' };
          // The proxy appends what it saw; entries before it are the client's own claims.
          const forging = { 'x-forwarded-for': '198.51.100.20, 203.0.113.7' };
          for (let i = 0; i < 9; i++) await callRoute(oidcStart, '/api/auth/oidc/start', { headers: stranger });
          const statuses = [];
          for (let i = 0; i < 20; i++)
            statuses.push((await tokenLogin(`guess-${i}`, i % 2 ? forging : stranger)).status);
          expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
          expect(new Set(statuses.slice(3))).toEqual(new Set([429]));
          const user = await tokenLogin(await users.token('admin'), { 'x-forwarded-for': '198.51.100.20' });
          expect(user.status).toBe(200);
        });
      } finally {
        restore();
      }
    });

    it('without a trusted proxy, clients are told apart by the socket address Next puts in X-Forwarded-For', async () => {
      await withLimit(3, async () => {
        const statuses = [];
        for (let i = 0; i < 20; i++)
          statuses.push((await tokenLogin(`guess-${i}`, { 'x-forwarded-for': '10.0.0.66' })).status);
        expect(statuses.filter((s) => s === 401)).toHaveLength(3);
        expect((await tokenLogin(await users.token('admin'), { 'x-forwarded-for': '10.0.0.77' })).status).toBe(200);
      });
    });
  });

  describe('verifiable audit records', () => {
    it("a panel-written row is verified; an Event forged with kubectl, or a real one's MAC on changed fields, is not", async () => {
      const real = await eventually(
        async () => (await auditRows('&action=login')).find((r) => r.user === users.username('admin')),
        15_000,
        'admin login row',
      );
      expect(real.verified).toBe(true);
      const source = (await auditEvents()).find((e) => e.metadata.annotations?.[AUDIT_MAC_ANNOTATION]);
      const forged = uniqueName('imagepod-audit-forged');
      const copied = uniqueName('imagepod-audit-copied');
      const event = (name: string, user: string, mac?: string) => ({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: {
          name,
          namespace: AUDIT_NS,
          labels: { [AUDIT_LABEL]: 'true', [AUDIT_ACTION_LABEL]: 'scale' },
          annotations: {
            'audit.imagepod.io/user': user,
            'audit.imagepod.io/action': 'scale',
            'audit.imagepod.io/result': 'success',
            ...(mac ? { [AUDIT_MAC_ANNOTATION]: mac } : {}),
          },
        },
        eventTime: new Date().toISOString().replace('Z', '000Z'),
        reportingController: 'imagepod.io/dashboard',
        reportingInstance: 'forger',
        action: 'Scale',
        reason: 'Scale',
        type: 'Normal',
        regarding: { apiVersion: 'v1', kind: 'Namespace', name: AUDIT_NS, namespace: AUDIT_NS },
        note: `${user}: scaled nothing`,
      });
      await kubectl(['create', '-f', '-'], JSON.stringify(event(forged, 'system:serviceaccount:ops:alice')));
      await kubectl(
        ['create', '-f', '-'],
        JSON.stringify(
          event(copied, 'system:serviceaccount:ops:bob', source!.metadata.annotations![AUDIT_MAC_ANNOTATION]),
        ),
      );
      try {
        const rows = await eventually(
          async () => {
            const all = await auditRows('&action=scale');
            const f = all.find((r) => r.key === `${AUDIT_NS}/${forged}`);
            const c = all.find((r) => r.key === `${AUDIT_NS}/${copied}`);
            return f && c ? { f, c } : null;
          },
          15_000,
          'forged rows listed',
        );
        expect(rows.f.verified).toBe(false);
        expect(rows.c.verified).toBe(false);
      } finally {
        await kubectl(['delete', 'events.events.k8s.io', forged, copied, '-n', AUDIT_NS, '--ignore-not-found']);
      }
    });

    it('a deploy is recorded when it starts, before its outcome', async () => {
      // Someone who may write the run record in the bundle's namespace (`edit` there) but not the
      // bundle's Namespace: the run starts, and its first write is refused.
      const sa = 'runs-only';
      await kubectl(['create', 'serviceaccount', sa, '-n', users.ns]);
      await kubectl([
        'create',
        'rolebinding',
        `${users.ns}-${sa}`,
        '--clusterrole=edit',
        `--serviceaccount=${users.ns}:${sa}`,
        '-n',
        'imagepod',
      ]);
      const token = (await kubectl(['create', 'token', sa, '-n', users.ns, '--duration=1h'])).trim();
      const user = { username: users.username(sa), groups: ['system:authenticated'] };
      const run = await getDeployRunner().deploy(
        { user, session: { sid: uniqueName('sid') }, kube: tokenKubeConfig(token) },
        DEFAULT_SETTINGS,
        { takeOwnership: [], keepLiveReplicas: [] },
      );
      const rows = await eventually(
        async () => {
          const mine = (await auditRows(`&user=${encodeURIComponent(user.username)}`)).filter(
            (r) => r.action === 'deploy-started' || r.action === 'deploy',
          );
          const started = mine.find((r) => r.action === 'deploy-started' && r.details?.run === run.id);
          const ended = mine.find((r) => r.action === 'deploy');
          return started && ended ? { started, ended, mine } : null;
        },
        60_000,
        'deploy-started and deploy rows',
      );
      expect(rows.started.verified).toBe(true);
      expect(rows.ended.result).toBe('denied');
      // Newest first: the outcome is listed above the start.
      expect(rows.mine.indexOf(rows.started)).toBeGreaterThan(rows.mine.indexOf(rows.ended));
      await kubectl(['delete', 'rolebinding', `${users.ns}-${sa}`, '-n', 'imagepod', '--ignore-not-found']);
    });
  });

  describe('cookies and sessions', () => {
    it('over TLS only the __Host- cookie is a session; over plain HTTP either is', async () => {
      const value = adminCookie.split('=').slice(1).join('=');
      const tls = { 'x-forwarded-proto': 'https' };
      expect(
        (await callRoute(session, '/api/auth/session', { cookie: `${COOKIE}=${value}`, headers: tls })).status,
      ).toBe(401);
      expect(
        (await callRoute(session, '/api/auth/session', { cookie: `${SECURE_COOKIE}=${value}`, headers: tls })).status,
      ).toBe(200);
      expect((await callRoute(session, '/api/auth/session', { cookie: `${COOKIE}=${value}` })).status).toBe(200);
      const viaHttpsUrl = await callRoute(session, 'https://127.0.0.1/api/auth/session', {
        cookie: `${COOKIE}=${value}`,
      });
      expect(viaHttpsUrl.status).toBe(401);
    });

    it('a local-mode session is refused where local mode is off (in a cluster)', async () => {
      const local = await sealSession(
        newSession({ mode: 'local', user: { username: 'kwok-admin', groups: ['system:masters'] } }),
      );
      const cookie = `${COOKIE}=${local}`;
      expect((await callRoute(session, '/api/auth/session', { cookie })).status).toBe(200);
      const restore = await withAuthSettings({ localMode: false });
      try {
        const refused = await callRoute(session, '/api/auth/session', { cookie });
        expect(refused.status).toBe(401);
        expect(refused.headers.getSetCookie().some((c) => c.includes('Max-Age=0'))).toBe(true);
      } finally {
        restore();
      }
    });

    it("the SSO callback shows the sign-in page a fixed code, never the issuer's error_description", async () => {
      const restore = await withAuthSettings({ oidc: FAKE_OIDC });
      offlineIssuer();
      try {
        const start = await callRoute(oidcStart, '/api/auth/oidc/start');
        expect(start.status).toBe(303);
        const flow = cookieFrom(start.headers);
        const evil = 'Your account is locked. Call +1 555 0100 <b>now</b>';
        const denied = await callRoute(
          oidcCallback,
          `/api/auth/oidc/callback?error=access_denied&error_description=${encodeURIComponent(evil)}`,
          { cookie: flow },
        );
        expect(denied.body.raw).toContain('url=/login?error=sso-denied"');
        expect(denied.body.raw).not.toMatch(/locked|555/);
        // A real attempt that fails (state mismatch): a fixed code, and a bounded audit record.
        const failed = await callRoute(oidcCallback, '/api/auth/oidc/callback?code=abc&state=not-the-state', {
          cookie: flow,
        });
        expect(failed.body.raw).toContain('url=/login?error=sso-failed"');
      } finally {
        restore();
      }
    });
  });
});
