/**
 * Deploy runs across two real panel servers (the standalone build, one sealing secret): a deploy
 * started on A is followed live from B, B refuses a second one naming who holds the lock, and when
 * A is killed (SIGKILL) in the middle of stage 3, B shows the run interrupted within the lease and
 * a resume from B completes it — to the same objects as a deploy that was never cut off: nothing
 * left to change, secrets byte-identical, no claim deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestUsers, clearStack, eventually, kubectl, kubectlJson } from '../integration/helpers';
import { call, kill9, openEvents, restart, signIn, startServers, stopAll, type PanelServer } from './servers';

const PORTS = [3450, 3451];
const LEASE_S = 4;
const NS = 'imagepod';
const users = new TestUsers();
let a: PanelServer;
let b: PanelServer;
let cookie = '';

interface Run {
  id: string;
  state: string;
  user: string;
  replica: string;
  resumes: unknown[];
  stages: { id: string; state: string; objects: { key: string; state: string }[] }[];
}

const secrets = async () =>
  (
    await kubectlJson<{ items: { metadata: { name: string }; data?: Record<string, string> }[] }>([
      'get',
      'secrets',
      '-n',
      NS,
    ])
  ).items
    .filter((s) => s.metadata.name.startsWith('imagepod-') || s.metadata.name.startsWith('grafana'))
    .map((s) => ({ name: s.metadata.name, data: s.data }));
const claims = async () =>
  (await kubectlJson<{ items: { metadata: { name: string; uid: string } }[] }>(['get', 'pvc', '-n', NS])).items
    .map((p) => `${p.metadata.name}=${p.metadata.uid}`)
    .sort();
const settingsOf = async (s: PanelServer) =>
  (await call(s, '/api/deploy/settings', { cookie })).body.settings as Record<string, unknown>;
/**
 * Holds a deploy in stage 3: a quota of 3 pods in the namespace lets PostgreSQL and Redis (stage 2)
 * run but only one of the API's two pods, so its gate waits (kwok would otherwise finish a whole
 * deploy in about 2 s). `release` lifts it.
 */
const hold = async () => {
  // Pods of a cleared stack still terminating count against the quota: wait until they are gone.
  await eventually(
    async () => (await kubectl(['get', 'pods', '-n', NS, '-o', 'name'])).trim() === '',
    120_000,
    'no pods left in the namespace',
  );
  await kubectl(['create', 'quota', 'hold-stage-3', '-n', NS, '--hard=pods=3']);
  return { release: () => kubectl(['delete', 'quota', 'hold-stage-3', '-n', NS, '--ignore-not-found']) };
};
const runOn = async (s: PanelServer) => (await call(s, '/api/deploy/runs', { cookie })).body.run as Run | null;

beforeAll(async () => {
  await clearStack();
  await users.create();
  const servers = await startServers(PORTS, {
    env: { IMAGEPOD_DEPLOY_LEASE_S: String(LEASE_S), IMAGEPOD_AUDIT_STDOUT: '0' },
  });
  a = servers[0]!;
  b = servers[1]!;
  cookie = await signIn(a, await users.token('admin'));
}, 300_000);

afterAll(async () => {
  await stopAll();
  await users.remove();
  await clearStack();
}, 300_000);

describe('deploy runs across two replicas', () => {
  it('a deploy started on A is followed live from B; B refuses a second one, naming who holds the lock', async () => {
    const stream = await openEvents(b, '/api/deploy/runs/stream', cookie);
    expect(stream.status).toBe(200);
    const settings = await settingsOf(a);
    const held = await hold();
    const res = await call(a, '/api/deploy/runs', { cookie, body: { settings } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = (res.body.run as Run).id;
    // B's stream shows A's run while it runs, with its progress, then its end.
    const live = await stream.waitFor(
      (e) => (e.data as Run | null)?.id === id && (e.data as Run).state === 'running',
      10_000,
    );
    expect((live.data as Run).stages.length).toBeGreaterThan(3);
    const second = await call(b, '/api/deploy/runs', { cookie, body: { settings } });
    expect(second.status, JSON.stringify(second.body)).toBe(409);
    expect(second.body.error?.message).toContain(users.username('admin'));
    expect(second.body.error?.message).toContain(id);
    await held.release();
    const end = await stream.waitFor(
      (e) => (e.data as Run | null)?.id === id && (e.data as Run).state !== 'running',
      240_000,
    );
    expect((end.data as Run).state).toBe('succeeded');
    stream.close();
  }, 300_000);

  it('kill -9 of A in the middle of stage 3: B shows the run interrupted within the lease; a resume from B completes it', async () => {
    await clearStack();
    const settings = await settingsOf(a);
    const held = await hold();
    const res = await call(a, '/api/deploy/runs', { cookie, body: { settings: { ...settings, apiReplicas: 3 } } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = (res.body.run as Run).id;
    await eventually(
      async () => (await runOn(b))?.stages.find((s) => s.id === '3-api')?.state === 'running',
      120_000,
      'stage 3 running, as B sees it',
    );
    await kill9(a);
    const killedAt = Date.now();
    const secretsThen = await secrets();
    const claimsThen = await claims();
    const seen = await eventually(
      async () => {
        const r = await runOn(b);
        return r?.id === id && r.state === 'interrupted' ? r : null;
      },
      30_000,
      'B shows the run interrupted',
    );
    const noticedMs = Date.now() - killedAt;
    console.log(`[replicas] B showed A's run interrupted ${noticedMs} ms after kill -9 (lease ${LEASE_S} s)`);
    expect(noticedMs).toBeLessThan((LEASE_S + 3) * 1000);
    expect(seen.stages.find((s) => s.id === '3-api')?.state).toBe('running');
    await held.release();
    const resumed = await call(b, '/api/deploy/runs/resume', { cookie, body: { id } });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(202);
    const done = await eventually(
      async () => {
        const r = await runOn(b);
        return r?.id === id && r.state !== 'running' ? r : null;
      },
      240_000,
      'the resumed run ended',
    );
    expect(done.state).toBe('succeeded');
    expect(done.resumes).toHaveLength(1);
    expect(done.stages.every((s) => s.state === 'done')).toBe(true);
    // The same as a deploy never cut off: a dry run of those settings changes nothing.
    const preview = await call(b, '/api/deploy/preview', {
      cookie,
      body: { settings: { ...settings, apiReplicas: 3 }, takeOwnership: [] },
    });
    expect(preview.status, JSON.stringify(preview.body).slice(0, 500)).toBe(200);
    const changes = (preview.body.stages as { objects: { key: string; action: string }[] }[])
      .flatMap((st) => st.objects)
      .filter((o) => o.action !== 'unchanged')
      .map((o) => `${o.key}: ${o.action}`);
    expect(changes).toEqual([]);
    expect(await secrets()).toEqual(secretsThen);
    const claimsNow = await claims();
    for (const c of claimsThen) expect(claimsNow, 'no claim deleted').toContain(c);
    // A started again serves the same record.
    await restart(a);
    expect((await runOn(a))?.state).toBe('succeeded');
  }, 400_000);
});
