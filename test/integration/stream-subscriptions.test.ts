import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  KUBECONFIG,
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

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: stream } = await import('@/app/api/stream/route');
const { POST: subscribe, DELETE: unsubscribe } = await import('@/app/api/stream/subscriptions/route');
const { GET: logsRoute } = await import('@/app/api/logs/route');
const { POST: logout } = await import('@/app/api/auth/logout/route');
const { GET: metricsRoute } = await import('@/app/api/metrics/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { openLogStreams } = await import('@/lib/server/logs/registry');
const { streamCounts } = await import('@/lib/server/stream/channels');

const users = new TestUsers();
const NS = uniqueName('it-subs');
const DIR = mkdtempSync(path.join(tmpdir(), 'it-subs-'));
let admin = '';
let viewer = '';
const cri = (text: string) => `${new Date().toISOString()} stdout F ${text}\n`;
const seg = { params: Promise.resolve({}) };
let n = 0;
const channelId = () => `it-channel-${Date.now()}-${++n}-abcdef`;

/** A multiplexed channel, read event by event. */
class Channel {
  private buf = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  readonly events: {
    event: string;
    data: { id?: string; event?: string; data?: unknown } & Record<string, unknown>;
  }[] = [];
  ended = false;
  private constructor(
    readonly id: string,
    res: Response,
    private readonly ctrl: AbortController,
  ) {
    this.reader = res.body!.getReader();
  }

  static async open(cookie: string, id = channelId()): Promise<Channel> {
    const ctrl = new AbortController();
    const res = await stream(
      new NextRequest(`http://127.0.0.1/api/stream?channel=${id}`, {
        signal: ctrl.signal,
        headers: { host: '127.0.0.1', cookie },
      }),
      seg,
    );
    if (res.status !== 200) throw new Error(`channel refused: ${res.status} ${await res.text()}`);
    const ch = new Channel(id, res, ctrl);
    await ch.until(() => ch.events.some((e) => e.event === 'hello'), 10_000, 'hello');
    return ch;
  }

  sub(id: string, event: string) {
    return this.events.filter((e) => e.event === 'sub' && e.data.id === id && e.data.event === event);
  }

  async until(pred: () => boolean, ms = 15_000, what = 'event'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      const r = await Promise.race([this.reader.read(), new Promise<null>((res) => setTimeout(() => res(null), left))]);
      if (r === null) continue;
      if (r.done) {
        this.ended = true;
        if (!pred()) throw new Error(`channel ended waiting for ${what}`);
        return;
      }
      this.buf += this.decoder.decode(r.value, { stream: true });
      let i: number;
      while ((i = this.buf.indexOf('\n\n')) >= 0) {
        const block = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) this.events.push({ event, data: JSON.parse(data) });
      }
    }
  }

  close(): void {
    this.ctrl.abort();
    void this.reader.cancel().catch(() => undefined);
  }
}

const post = (cookie: string, body: unknown) => callRoute(subscribe, '/api/stream/subscriptions', { cookie, body });
const del = (cookie: string, channel: string, id: string) =>
  callRoute(unsubscribe, `/api/stream/subscriptions?channel=${channel}&id=${id}`, { cookie, method: 'DELETE' });
const counts = () => ({
  logs: openLogStreams().total,
  subs: streamCounts().subscriptions,
  channels: streamCounts().channels,
});

describe('the shared stream: channels and subscriptions on the devcluster', () => {
  let file = '';
  beforeAll(async () => {
    await users.create();
    await createNamespace(NS);
    admin = await signIn(await users.token('admin'));
    viewer = await signIn(await users.token('viewer'));
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
    file = path.join(DIR, 'app.log');
    writeFileSync(file, cri('line one'));
    await apply({
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'Logs',
      metadata: { name: 'app', namespace: NS },
      spec: { logs: [{ containers: ['main'], logsFile: file, previousLogsFile: file, follow: true }] },
    });
    await apply(podManifest('app', NS));
    await eventually(
      async () =>
        (await kubectlJson<{ status: { phase: string } }>(['get', 'pod', 'app', '-n', NS])).status.phase === 'Running',
      60_000,
      'pod running',
    );
    await eventually(
      async () => {
        await kubectl(['logs', '-n', NS, 'app', '--tail=1']);
        return true;
      },
      30_000,
      'logs served',
    );
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
    rmSync(DIR, { recursive: true, force: true });
  });

  it('names the channel and the session in the hello; attaches logs and deploy, detaches on DELETE', async () => {
    const before = counts();
    const ch = await Channel.open(admin);
    try {
      const hello = ch.events.find((e) => e.event === 'hello')!.data;
      expect(hello.channel).toBe(ch.id);
      expect(hello.session).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(counts().channels).toBe(before.channels + 1);

      const res = await post(admin, {
        channel: ch.id,
        id: 'logs-1',
        topic: 'logs',
        query: { namespace: NS, pod: 'app', tail: '10' },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(counts().logs).toBe(before.logs + 1);
      await ch.until(() => ch.sub('logs-1', 'lines').length > 0, 10_000, 'lines');
      appendFileSync(file, cri('appended'));
      await ch.until(() => JSON.stringify(ch.sub('logs-1', 'lines')).includes('appended'), 10_000, 'the appended line');

      expect((await post(admin, { channel: ch.id, id: 'deploy-1', topic: 'deploy' })).status).toBe(200);
      await ch.until(() => ch.sub('deploy-1', 'run').length === 1, 5_000, 'run');
      expect(counts().subs).toEqual({ logs: before.subs.logs + 1, deploy: before.subs.deploy + 1 });
      const m = await callRoute(metricsRoute, '/api/metrics', { cookie: admin });
      expect(String(m.body.raw)).toMatch(/imagepod_panel_stream_subscriptions\{topic="logs"\} [1-9]/);

      // The same id twice is a conflict that starts nothing.
      expect(
        (await post(admin, { channel: ch.id, id: 'logs-1', topic: 'logs', query: { namespace: NS, pod: 'app' } }))
          .status,
      ).toBe(409);
      expect(counts().logs).toBe(before.logs + 1);

      expect((await del(admin, ch.id, 'logs-1')).body).toMatchObject({ stopped: true });
      expect((await del(admin, ch.id, 'deploy-1')).body).toMatchObject({ stopped: true });
      expect(counts()).toEqual({ ...before, channels: before.channels + 1 });
    } finally {
      ch.close();
    }
    await eventually(() => counts().channels === before.channels, 5_000, 'channel closed');
  });

  it("refuses another session's channel with 404, and a channel id another session holds with 409", async () => {
    const ch = await Channel.open(admin);
    try {
      const before = counts();
      const res = await post(viewer, { channel: ch.id, id: 'x', topic: 'logs', query: { namespace: NS, pod: 'app' } });
      expect(res.status).toBe(404);
      expect(res.body.error?.field).toBe('channel');
      expect((await del(viewer, ch.id, 'x')).status).toBe(404);
      const taken = await stream(
        new NextRequest(`http://127.0.0.1/api/stream?channel=${ch.id}`, {
          headers: { host: '127.0.0.1', cookie: viewer },
        }),
        seg,
      );
      expect(taken.status).toBe(409);
      expect(counts()).toEqual(before);
    } finally {
      ch.close();
    }
  });

  it('answers malformed, oversized and hostile bodies with a 4xx and starts nothing', async () => {
    const ch = await Channel.open(admin);
    try {
      const before = counts();
      const bad: [unknown, number][] = [
        [{}, 400],
        [{ channel: ch.id, id: 'a', topic: 'exec' }, 400],
        [{ channel: 'short', id: 'a', topic: 'deploy' }, 400],
        [{ channel: ch.id, id: '../../etc', topic: 'deploy' }, 400],
        [{ channel: ch.id, id: 'a', topic: 'deploy', extra: 1 }, 400],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: NS } }, 400],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: NS, pod: 'app', command: 'sh' } }, 400],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: 'Bad_NS', pod: 'app' } }, 400],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: NS, pod: ['a', 'b'] } }, 400],
        [
          JSON.parse(
            `{"channel":"${ch.id}","id":"a","topic":"logs","query":{"__proto__":{"pod":"app"},"namespace":"${NS}"}}`,
          ),
          400,
        ],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: NS, pod: 'no-such-pod' } }, 404],
        [{ channel: ch.id, id: 'a', topic: 'logs', query: { namespace: NS, selector: 'app in (' } }, 400],
      ];
      for (const [body, status] of bad) {
        const res = await post(admin, body);
        expect(res.status, JSON.stringify(body)).toBe(status);
        expect(res.body.error?.message).toBeTruthy();
      }
      expect(
        (await callRoute(subscribe, '/api/stream/subscriptions', { cookie: admin, rawBody: '{"channel":' })).status,
      ).toBe(400);
      expect(
        (
          await callRoute(subscribe, '/api/stream/subscriptions', {
            cookie: admin,
            rawBody: JSON.stringify({
              channel: ch.id,
              id: 'a',
              topic: 'logs',
              query: { namespace: NS, pod: 'x'.repeat(20_000) },
            }),
          })
        ).status,
      ).toBe(413);
      expect(
        (
          await callRoute(subscribe, '/api/stream/subscriptions', {
            cookie: admin,
            body: { channel: ch.id, id: 'a', topic: 'deploy' },
            headers: { origin: 'http://evil.example' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await callRoute(subscribe, '/api/stream/subscriptions', {
            body: { channel: ch.id, id: 'a', topic: 'deploy' },
          })
        ).status,
      ).toBe(401);
      expect(counts()).toEqual(before);
    } finally {
      ch.close();
    }
  });

  it('releases everything when the channel closes, when the session signs out, and when the client left before the first byte', async () => {
    const before = counts();
    const ch = await Channel.open(admin);
    for (const id of ['a', 'b']) {
      expect(
        (await post(admin, { channel: ch.id, id, topic: 'logs', query: { namespace: NS, pod: 'app' } })).status,
      ).toBe(200);
    }
    expect(counts().logs).toBe(before.logs + 2);
    ch.close();
    await eventually(
      () => counts().logs === before.logs && counts().channels === before.channels,
      5_000,
      'released on close',
    );
    expect(counts()).toEqual(before);

    // Sign-out closes the session's channels (and so its subscriptions).
    const session = await signIn(await users.token('admin'));
    const mine = await Channel.open(session);
    expect(
      (await post(session, { channel: mine.id, id: 'a', topic: 'logs', query: { namespace: NS, pod: 'app' } })).status,
    ).toBe(200);
    expect((await callRoute(logout, '/api/auth/logout', { cookie: session, body: {} })).status).toBe(200);
    await mine.until(() => mine.ended, 5_000, 'the channel to end');
    expect(counts()).toEqual(before);

    // A client that left while the route was preparing: the stream never starts, the slot is freed.
    const ctrl = new AbortController();
    const req = new NextRequest(`http://127.0.0.1/api/logs?namespace=${NS}&pod=app`, {
      signal: ctrl.signal,
      headers: { host: '127.0.0.1', cookie: admin },
    });
    const pending = logsRoute(req, seg);
    ctrl.abort();
    await pending.then((r) => r.body?.cancel()).catch(() => undefined);
    await eventually(() => counts().logs === before.logs, 5_000, 'released after an early leave');
  });
});
