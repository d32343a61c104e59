import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KUBECONFIG,
  TestUsers,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  signIn,
  uniqueName,
  type RouteHandler,
} from './helpers';
import { EventReader, abortMidOpen, cri, logPod, pageRequest } from './streams-helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;
// Rights are asked again every half second here (30 s in production).
process.env.IMAGEPOD_STREAM_RECHECK_MS = '500';

const { GET: stream } = await import('@/app/api/stream/route');
const { POST: subscribe, DELETE: unsubscribe } = await import('@/app/api/stream/subscriptions/route');
const { GET: logsRoute } = await import('@/app/api/logs/route');
const { GET: download } = await import('@/app/api/logs/download/route');
const { GET: deployStream } = await import('@/app/api/deploy/runs/stream/route');
const { GET: deployRuns } = await import('@/app/api/deploy/runs/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { logWork, openLogStreams } = await import('@/lib/server/logs/registry');
const { streamCounts } = await import('@/lib/server/stream/channels');
const { guardedStreams } = await import('@/lib/server/stream/guard');
const { openLiveStreams } = await import('@/lib/server/stream/live-hub');
const { MAX_LOG_LINE_CHARS, cutMarker } = await import('@/lib/server/kube/transport');

const users = new TestUsers();
const NS = uniqueName('it-abuse');
const DIR = mkdtempSync(path.join(tmpdir(), 'it-abuse-'));
const seg = { params: Promise.resolve({}) };
let admin = '';
let n = 0;
const channelId = () => `it-abuse-${Date.now()}-${++n}-channel`;

/** Everything a stream can hold, process-wide. */
function held() {
  const subs = streamCounts().subscriptions;
  return {
    logSlots: openLogStreams().total,
    followers: logWork.followers,
    batchers: logWork.batchers,
    liveStreams: openLiveStreams().total,
    subscriptions: subs.logs + subs.deploy,
    guarded: guardedStreams(),
  };
}
const NOTHING = { logSlots: 0, followers: 0, batchers: 0, liveStreams: 0, subscriptions: 0, guarded: 0 };

/** Waits until what streams hold is `want`; the failure says what is still held. */
async function settled(what: string, want = NOTHING, ms = 5_000): Promise<void> {
  await eventually(() => JSON.stringify(held()) === JSON.stringify(want), ms, what).catch((e: unknown) => {
    throw new Error(`${String(e)}; held: ${JSON.stringify(held())}`);
  });
}

/** Delays at which a client leaves: before the route starts, while it asks Kubernetes, during a log's open wait (1.5 s), after. */
const DELAYS = [0, 1, 5, 20, 60, 150, 400, 800, 1200, 1450, 1550, 1900];

describe('stream routes under abuse (devcluster)', () => {
  beforeAll(async () => {
    await users.create();
    admin = await signIn(await users.token('admin'));
    await createNamespace(NS);
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
    // A quiet container: kwok sends nothing, headers included, until a line: the open wait runs in full.
    await logPod(getClusterCache, NS, DIR, 'quiet', '', { app: 'quiet' });
    await logPod(getClusterCache, NS, DIR, 'chatty', cri('hello'), { app: 'chatty' });
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
    rmSync(DIR, { recursive: true, force: true });
  });

  // Each route's clients come at once (log streams are 8 per session: some get 429, a path too).
  it('a client gone before the first byte releases everything, on every stream route', async () => {
    const routes: [string, RouteHandler, string][] = [
      ['logs, one quiet pod', logsRoute, `/api/logs?namespace=${NS}&pod=quiet`],
      ['logs, one pod', logsRoute, `/api/logs?namespace=${NS}&pod=chatty`],
      ['logs, selector', logsRoute, `/api/logs?namespace=${NS}&selector=app%20in%20(quiet,chatty)`],
      ['download', download, `/api/logs/download?namespace=${NS}&pod=chatty`],
      ['live stream', stream, '/api/stream'],
      ['live stream, channel', stream, `/api/stream?channel=${channelId()}`],
      ['deploy stream', deployStream, '/api/deploy/runs/stream'],
    ];
    for (const [what, handler, url] of routes) {
      await Promise.all(DELAYS.map((ms) => abortMidOpen(handler, (s) => pageRequest(url, admin, s), ms)));
      await settled(`${what}: released`);
    }
    // Subscriptions on an open channel: the POST is aborted while the log feed opens.
    const ch = channelId();
    const ctrl = new AbortController();
    const chan = new EventReader(await stream(pageRequest(`/api/stream?channel=${ch}`, admin, ctrl.signal), seg));
    await chan.until((r) => !!r.find('hello'), 10_000, 'hello');
    // A subscribe answered before its client left is a subscription like any (the channel holds it);
    // one whose client left first must leave nothing.
    const kept = { logs: 0, deploy: 0 };
    for (const topic of ['logs', 'deploy'] as const) {
      await Promise.all(
        DELAYS.map(async (ms) => {
          const body =
            topic === 'logs'
              ? { channel: ch, id: `s${++n}`, topic, query: { namespace: NS, pod: 'quiet' } }
              : { channel: ch, id: `s${++n}`, topic };
          const r = await abortMidOpen(
            subscribe,
            (s) => pageRequest('/api/stream/subscriptions', admin, s, { body }),
            ms,
          );
          if (r.answeredFirst && r.status === 200) kept[topic]++;
          // Log slots are 8 per session: end what was kept, as the tab would.
          if (r.status === 200)
            await callRoute(unsubscribe, `/api/stream/subscriptions?channel=${ch}&id=${body.id}`, {
              cookie: admin,
              method: 'DELETE',
            });
        }),
      );
    }
    expect(kept.logs).toBeLessThan(DELAYS.length);
    expect(kept.logs + kept.deploy).toBeGreaterThan(0);
    await settled('subscriptions released, the channel alone left', { ...NOTHING, liveStreams: 1, guarded: 1 });
    ctrl.abort();
    chan.cancel();
    await settled('channel released');
  }, 120_000);

  it('1,000 stream opens (hello, then gone) are bounded in time and leave nothing behind', async () => {
    const t0 = performance.now();
    for (let batch = 0; batch < 100; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const ctrl = new AbortController();
          const res = await stream(pageRequest('/api/stream', admin, ctrl.signal), seg);
          expect(res.status).toBe(200);
          const r = new EventReader(res);
          await r.until((x) => !!x.find('hello'), 10_000, 'hello');
          ctrl.abort();
          r.cancel();
        }),
      );
    }
    const seconds = (performance.now() - t0) / 1000;
    console.log(`[stream-abuse] 1000 /api/stream opens in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
    await settled('all released');
    expect(getClusterCache().listenerCount()).toBeLessThanOrEqual(1);
  });

  it('live streams are capped per session and per process with a clear 429', async () => {
    process.env.IMAGEPOD_STREAM_CLIENTS_PER_SESSION = '3';
    process.env.IMAGEPOD_STREAM_CLIENTS_TOTAL = '4';
    const other = await signIn(await users.token('viewer'));
    const open: AbortController[] = [];
    const openOne = async (cookie: string) => {
      const ctrl = new AbortController();
      const res = await stream(pageRequest('/api/stream', cookie, ctrl.signal), seg);
      if (res.status === 200) open.push(ctrl);
      return res;
    };
    try {
      for (let i = 0; i < 3; i++) expect((await openOne(admin)).status).toBe(200);
      const mine = await openOne(admin);
      expect(mine.status).toBe(429);
      expect(mine.headers.get('retry-after')).toBe('5');
      expect(((await mine.json()) as { error: { message: string } }).error.message).toMatch(/at most 3 per session/);
      expect((await openOne(other)).status).toBe(200);
      const full = await openOne(other);
      expect(full.status).toBe(429);
      expect(((await full.json()) as { error: { message: string } }).error.message).toMatch(/its limit/);
    } finally {
      delete process.env.IMAGEPOD_STREAM_CLIENTS_PER_SESSION;
      delete process.env.IMAGEPOD_STREAM_CLIENTS_TOTAL;
      for (const c of open) c.abort();
    }
    await eventually(() => openLiveStreams().total === 0, 5_000, 'slots released');
  });

  it('a client that never reads is dropped at the queue bound', async () => {
    process.env.IMAGEPOD_STREAM_QUEUE_BYTES = String(16 * 1024);
    const ctrl = new AbortController();
    try {
      const res = await stream(pageRequest('/api/stream', admin, ctrl.signal), seg);
      expect(res.status).toBe(200);
      expect(openLiveStreams().total).toBe(1);
      // Deltas for it to leave unread: a pod whose row is a few KiB (long labels), relabelled.
      for (let i = 0; i < 40 && openLiveStreams().total > 0; i++) {
        const labels = Array.from({ length: 60 }, (_, j) => `fill-${j}=${String(i).padStart(3, '0')}${'v'.repeat(57)}`);
        await kubectl(['label', 'pod', 'chatty', '-n', NS, '--overwrite', ...labels]);
      }
      await eventually(() => openLiveStreams().total === 0, 20_000, 'the unread client dropped');
      expect(held()).toEqual(NOTHING);
    } finally {
      delete process.env.IMAGEPOD_STREAM_QUEUE_BYTES;
      ctrl.abort();
    }
  });

  it('a log line that never ends is cut at 64 KiB with a visible marker', async () => {
    // CRI partial lines (`P`): the kubelet (and kwok) write them without a newline, so `kubectl logs`
    // prints one line that grows for as long as the container writes.
    const part = 'y'.repeat(1000);
    const file = await logPod(getClusterCache, NS, DIR, 'endless', cri('first line'));
    const ctrl = new AbortController();
    const res = await logsRoute(pageRequest(`/api/logs?namespace=${NS}&pod=endless`, admin, ctrl.signal), seg);
    expect(res.status).toBe(200);
    const r = new EventReader(res);
    const texts = () =>
      r.events
        .filter((e) => e.event === 'lines')
        .flatMap((e) => (e.data as { entries: { k: string; text: string }[] }).entries)
        .filter((e) => e.k === 'l')
        .map((e) => e.text);
    try {
      await r.until(() => texts().includes('first line'), 20_000, 'the first line');
      appendFileSync(file, Array.from({ length: 300 }, () => cri(part, 'P')).join(''));
      await r.until(() => texts().some((t) => t.endsWith(cutMarker(MAX_LOG_LINE_CHARS))), 20_000, 'the cut line');
      const cut = texts().find((t) => t.endsWith(cutMarker(MAX_LOG_LINE_CHARS)))!;
      expect(cut.length).toBeLessThanOrEqual(MAX_LOG_LINE_CHARS + cutMarker(MAX_LOG_LINE_CHARS).length);
      expect(cut.startsWith('y'.repeat(100))).toBe(true);
      // The rest of that line is skipped; the next whole line comes through.
      appendFileSync(file, cri('the end of it') + cri('after'));
      await r.until(() => texts().includes('after'), 20_000, 'the line after');
    } finally {
      ctrl.abort();
      r.cancel();
    }
  });

  it('deploy runs are shown to users who may read the deploy settings only', async () => {
    const team = await signIn(await users.token('teamViewer'));
    const viewer = await signIn(await users.token('viewer'));
    const refused = await callRoute(deployRuns, '/api/deploy/runs', { cookie: team });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/imagepod-deploy-run/);
    expect((await callRoute(deployRuns, '/api/deploy/runs', { cookie: viewer })).status).toBe(200);
    expect((await deployStream(pageRequest('/api/deploy/runs/stream', team), seg)).status).toBe(403);
    const ch = channelId();
    const ctrl = new AbortController();
    const chan = new EventReader(await stream(pageRequest(`/api/stream?channel=${ch}`, team, ctrl.signal), seg));
    await chan.until((r) => !!r.find('hello'), 10_000, 'hello');
    const sub = await callRoute(subscribe, '/api/stream/subscriptions', {
      cookie: team,
      body: { channel: ch, id: 'deploy-1', topic: 'deploy' },
    });
    expect(sub.status).toBe(403);
    expect(streamCounts().subscriptions.deploy).toBe(0);
    ctrl.abort();
    chan.cancel();
  });

  it('sign-out ends every stream of that session with an `ended` event', async () => {
    const cookie = await signIn(await users.token('admin'));
    const readers: EventReader[] = [];
    for (const url of [`/api/logs?namespace=${NS}&pod=chatty`, '/api/stream', '/api/deploy/runs/stream']) {
      const res = await (url.startsWith('/api/logs') ? logsRoute : url === '/api/stream' ? stream : deployStream)(
        pageRequest(url, cookie),
        seg,
      );
      expect(res.status).toBe(200);
      readers.push(new EventReader(res));
    }
    await Promise.all(readers.map((r) => r.until((x) => x.events.length > 0, 10_000, 'first event')));
    expect((await callRoute(logout, '/api/auth/logout', { cookie, body: {} })).status).toBe(200);
    for (const r of readers) {
      await r.until((x) => !!x.find('ended'), 5_000, 'ended');
      expect(r.find('ended')).toEqual({ reason: 'signed-out', message: 'You have signed out' });
      await r.until((x) => x.ended, 5_000, 'the stream to close');
    }
    await settled('released');
  });

  it('removing the RoleBinding ends the streams that needed it, with an `ended` event', async () => {
    const sa = 'streamer';
    await kubectl(['create', 'serviceaccount', sa, '-n', users.ns]);
    const subject = `--serviceaccount=${users.ns}:${sa}`;
    await kubectl(['create', 'rolebinding', sa, '--clusterrole=view', subject, '-n', NS]);
    await kubectl(['create', 'rolebinding', `${sa}-deploys`, '--clusterrole=view', subject, '-n', 'imagepod']);
    const cookie = await signIn((await kubectl(['create', 'token', sa, '-n', users.ns, '--duration=1h'])).trim());
    const open = async (handler: RouteHandler, url: string) => {
      const res = await handler(pageRequest(url, cookie), seg);
      expect(res.status, `${url}: ${res.status}`).toBe(200);
      const r = new EventReader(res);
      await r.until((x) => x.events.length > 0, 10_000, `${url} first event`);
      return r;
    };
    const logs = await open(logsRoute, `/api/logs?namespace=${NS}&pod=chatty`);
    const live = await open(stream, '/api/stream');
    const deploys = await open(deployStream, '/api/deploy/runs/stream');
    await kubectl(['delete', 'rolebinding', sa, '-n', NS]);
    await kubectl(['delete', 'rolebinding', `${sa}-deploys`, '-n', 'imagepod']);
    // Access reviews are cached 30 s per session; the re-check runs every 0.5 s here.
    for (const [r, what] of [
      [logs, /no longer allows .* to read pod logs in/],
      [live, /What Kubernetes lets you read has changed/],
      [deploys, /imagepod-deploy-run/],
    ] as const) {
      await r.until((x) => !!x.find('ended'), 45_000, 'ended');
      const ended = r.find('ended') as { reason: string; message: string };
      expect(ended.reason).toBe('rights');
      expect(ended.message).toMatch(what);
      await r.until((x) => x.ended, 5_000, 'the stream to close');
    }
    await settled('released');
  }, 90_000);
});
