/**
 * Sign-out everywhere, on two real panel servers (the standalone build) acting with the panel's
 * own ServiceAccount (exactly rbac.yaml's rights): a session signed in on A works on B; signed out
 * on A, it is refused on B within seconds and its live stream on B ends; still refused after both are killed with SIGKILL and
 * started again (the list is in the cluster, not in a process). And the sign-out route, fed
 * garbage, answers 200 or a clean 4xx and writes nothing to the list.
 */
import { sealData, unsealData } from 'iron-session';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestUsers, kubectl } from '../integration/helpers';
import {
  SESSION_SECRET,
  call,
  kill9,
  openEvents,
  panelIdentity,
  restart,
  signIn,
  startServers,
  stopAll,
  type PanelServer,
} from './servers';

const PORTS = [3410, 3411];
const NS = 'imagepod-system';
const LIST = 'imagepod-dashboard-revocations';
/** The promise: refused on every replica within this long. */
const PROPAGATION_LIMIT_MS = 5_000;

const users = new TestUsers();
let identity: Awaited<ReturnType<typeof panelIdentity>> | null = null;
let a: PanelServer;
let b: PanelServer;

async function list(): Promise<{ resourceVersion: string; data: Record<string, string> }> {
  const cm = JSON.parse(await kubectl(['get', 'configmap', LIST, '-n', NS, '-o', 'json'])) as {
    metadata: { resourceVersion: string };
    data?: Record<string, string>;
  };
  return { resourceVersion: cm.metadata.resourceVersion, data: cm.data ?? {} };
}

/** The session id inside a cookie (the test knows the sealing secret). */
async function sidOf(cookie: string): Promise<string> {
  const value = cookie.slice(cookie.indexOf('=') + 1);
  return (await unsealData<{ sid: string }>(value, { password: SESSION_SECRET, ttl: 31 * 24 * 3600 })).sid;
}

beforeAll(async () => {
  await users.create();
  identity = await panelIdentity();
  // As in a cluster: the panel's own identity is the ServiceAccount, and no local-mode link.
  const servers = await startServers(PORTS, { kubeconfig: identity.kubeconfig, env: { IMAGEPOD_LOCAL_LOGIN: '0' } });
  a = servers[0]!;
  b = servers[1]!;
}, 300_000);

afterAll(async () => {
  await stopAll();
  await users.remove();
  await identity?.remove();
}, 120_000);

describe('sign-out everywhere (two replicas)', () => {
  it('a session signed out on A is refused on B within seconds, and after both are killed and restarted', async () => {
    const token = await users.token('viewer');
    const cookie = await signIn(a, token);
    expect((await call(a, '/api/health', { cookie })).status).toBe(200);
    expect((await call(b, '/api/health', { cookie })).status).toBe(200);
    const sid = await sidOf(cookie);
    // A live stream open on B ends when A signs the session out.
    const stream = await openEvents(b, '/api/stream', cookie);
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === 'hello');

    const t0 = performance.now();
    const out = await call(a, '/api/auth/logout', { cookie, body: {} });
    expect(out.status).toBe(200);
    const signOutMs = performance.now() - t0;
    // The replica that signed out refuses it at once.
    const onA = await call(a, '/api/health', { cookie });
    expect(onA.status).toBe(401);
    expect(onA.body.error?.message).toMatch(/signed out/);

    let onB = await call(b, '/api/health', { cookie });
    while (onB.status === 200 && performance.now() - t0 < PROPAGATION_LIMIT_MS + 1_000) {
      await new Promise((r) => setTimeout(r, 25));
      onB = await call(b, '/api/health', { cookie });
    }
    const propagationMs = performance.now() - t0;
    console.log(
      onB.status === 401
        ? `[replicas] sign-out on A (${signOutMs.toFixed(0)} ms) refused on B ${propagationMs.toFixed(0)} ms after it was sent`
        : `[replicas] sign-out on A (${signOutMs.toFixed(0)} ms): B still answered ${onB.status} after ${propagationMs.toFixed(0)} ms`,
    );
    expect(onB.status).toBe(401);
    expect(onB.body.error?.message).toMatch(/signed out/);
    expect(propagationMs).toBeLessThan(PROPAGATION_LIMIT_MS);
    const ended = await stream.waitFor((e) => e.event === 'ended', PROPAGATION_LIMIT_MS);
    expect(ended.data).toMatchObject({ reason: 'signed-out' });
    expect(ended.at - t0).toBeLessThan(PROPAGATION_LIMIT_MS);
    stream.close();

    // What the cluster keeps: the session's id and its expiry — never the token.
    const stored = await list();
    expect(stored.data[sid]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[1]!);

    await Promise.all([kill9(a), kill9(b)]);
    await Promise.all([restart(a), restart(b)]);
    for (const s of [a, b]) {
      const again = await call(s, '/api/health', { cookie });
      expect(again.status, s.name).toBe(401);
      expect(again.body.error?.message, s.name).toMatch(/signed out/);
    }
    // A new sign-in of the same user works on both: only that session was ended.
    const fresh = await signIn(b, token);
    expect((await call(a, '/api/health', { cookie: fresh })).status).toBe(200);
  }, 240_000);

  it('the sign-out route fed garbage answers 200 or a clean 4xx and writes nothing to the list', async () => {
    const token = await users.token('viewer');
    const live = await signIn(a, token);
    const before = await list();
    const session = (over: Record<string, unknown>) => ({
      v: 1,
      sid: 'AAAAAAAAAAAAAAAA',
      mode: 'token',
      token: 'x',
      user: { username: 'mallory', groups: [] },
      iat: Date.now(),
      seen: Date.now(),
      exp: Date.now() + 3_600_000,
      ...over,
    });
    const foreign = await sealData(session({}), { password: 'another-secret-'.repeat(4), ttl: 3600 });
    // Sealed with the real secret (which an attacker does not have) but not a session the panel
    // makes: still nothing may reach the list.
    const oddSid = await sealData(session({ sid: '../../etc/passwd' }), { password: SESSION_SECRET, ttl: 3600 });
    const expired = await sealData(session({ exp: Date.now() - 1000 }), { password: SESSION_SECRET, ttl: 3600 });
    const cases: {
      what: string;
      cookie?: string;
      body?: unknown;
      rawBody?: string;
      headers?: Record<string, string>;
    }[] = [
      { what: 'no cookie', body: {} },
      { what: 'garbage', cookie: 'imagepod_session=garbage', body: {} },
      { what: 'huge', cookie: `imagepod_session=${'A'.repeat(7_000)}`, body: {} },
      { what: 'foreign seal', cookie: `imagepod_session=${foreign}`, body: {} },
      { what: 'odd session id', cookie: `imagepod_session=${oddSid}`, body: {} },
      { what: 'expired session', cookie: `imagepod_session=${expired}`, body: {} },
      { what: '__Host- garbage', cookie: '__Host-imagepod_session=Fe26.2**x*y*z', body: {} },
      { what: 'two cookies', cookie: 'imagepod_session=a; imagepod_session=b', body: {} },
      { what: 'junk bytes', cookie: 'imagepod_session=%00%ff;;;=;\u00e9', body: {} },
      // A real session, but a request the route refuses: it must not sign anyone out.
      { what: 'live, extra field', cookie: live, body: { everywhere: true } },
      { what: 'live, not JSON', cookie: live, rawBody: '{"' },
      { what: 'live, text/plain', cookie: live, rawBody: '{}', headers: { 'content-type': 'text/plain' } },
      { what: 'live, foreign origin', cookie: live, body: {}, headers: { origin: 'https://evil.example' } },
      { what: 'live, no origin', cookie: live, body: {}, headers: { origin: '' } },
    ];
    for (const s of [a, b]) {
      for (const c of cases) {
        let res;
        try {
          res = await call(s, '/api/auth/logout', c);
        } catch (e) {
          // fetch itself refuses some header bytes: nothing reached the server.
          if (c.what === 'junk bytes' && e instanceof TypeError) continue;
          throw e;
        }
        expect(
          res.status === 200 || (res.status >= 400 && res.status < 500),
          `${s.name} ${c.what}: ${res.status}`,
        ).toBe(true);
        expect(res.body.error?.code === 'INTERNAL', `${s.name} ${c.what}`).toBe(false);
      }
    }
    // Longer than a retry would take to land.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await list()).toEqual(before);
    // The live session was never signed out by any of that.
    expect((await call(b, '/api/health', { cookie: live })).status).toBe(200);
  }, 120_000);
});
