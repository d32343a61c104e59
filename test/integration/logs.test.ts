import { mkdtempSync, appendFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import type { LogBatchEvent, LogEntry, LogTargetsEvent } from '@/lib/logs/types';
import {
  KUBECONFIG,
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

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: logs } = await import('@/app/api/logs/route');
const { GET: download } = await import('@/app/api/logs/download/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { openLogStreams } = await import('@/lib/server/logs/registry');

const users = new TestUsers();
const NS = uniqueName('it-logs');
const DIR = mkdtempSync(path.join(tmpdir(), 'it-logs-'));
let admin = '';
let nobody = '';

/** A CRI line stamped now (or at `at`), as kwok serves it. */
const cri = (text: string, at = new Date(), stream = 'stdout') => `${at.toISOString()} ${stream} F ${text}\n`;

/** A running pod whose `kubectl logs` reads `file` (and `previous` for --previous), through a kwok Logs object. */
async function logPod(
  name: string,
  labels: Record<string, string> = {},
  content = '',
  previous = '',
  node?: string,
): Promise<string> {
  const file = path.join(DIR, `${name}.log`);
  const prev = path.join(DIR, `${name}.previous.log`);
  writeFileSync(file, content);
  writeFileSync(prev, previous);
  await apply({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name, namespace: NS },
    spec: { logs: [{ containers: ['main'], logsFile: file, previousLogsFile: prev, follow: true }] },
  });
  await apply(podManifest(name, NS, { labels, node }));
  await eventually(
    async () =>
      (await kubectlJson<{ status: { phase: string } }>(['get', 'pod', name, '-n', NS])).status.phase === 'Running',
    60_000,
    `${name} running`,
  );
  // Routes answer 503 until every reflector has synced once, not just the pods'.
  await eventually(
    () => getClusterCache().everSynced() && getClusterCache().views.pods.get(`${NS}/${name}`)?.phase === 'Running',
    30_000,
    `${name} cached`,
  );
  // kwok picks the Logs object up from its own informer: wait until it serves this file.
  await eventually(
    async () => {
      await kubectl(['logs', '-n', NS, name, '--tail=1']);
      return true;
    },
    30_000,
    `${name} logs served`,
  );
  return file;
}

/** An open SSE stream from the route, read event by event. */
class Stream {
  private buf = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  readonly events: { event: string; data: unknown; at: number }[] = [];
  constructor(
    readonly res: Response,
    private readonly ctrl: AbortController,
  ) {
    this.reader = res.body!.getReader();
  }

  static async open(query: string, cookie = admin): Promise<Stream> {
    const ctrl = new AbortController();
    const req = new NextRequest(new URL(`/api/logs?${query}`, 'http://127.0.0.1'), {
      headers: { host: '127.0.0.1', cookie },
      signal: ctrl.signal,
    });
    const res = await logs(req, { params: Promise.resolve({}) });
    if (res.status !== 200) throw new Error(`stream refused: ${res.status} ${await res.text()}`);
    return new Stream(res, ctrl);
  }

  entries(): LogEntry[] {
    return this.events.filter((e) => e.event === 'lines').flatMap((e) => (e.data as LogBatchEvent).entries);
  }

  lines(): string[] {
    return this.entries()
      .filter((e) => e.k === 'l')
      .map((e) => e.text);
  }

  lastTargets(): LogTargetsEvent['targets'] {
    const t = this.events.filter((e) => e.event === 'targets').at(-1);
    return t ? (t.data as LogTargetsEvent).targets : [];
  }

  async until(pred: () => boolean, ms = 20_000, what = 'event'): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; lines: ${JSON.stringify(this.lines().slice(-5))}`);
      const r = await Promise.race([this.reader.read(), new Promise<null>((res) => setTimeout(() => res(null), left))]);
      if (r === null) continue;
      if (r.done) {
        if (!pred()) throw new Error(`stream ended waiting for ${what}`);
        return;
      }
      this.buf += this.decoder.decode(r.value, { stream: true });
      let i: number;
      while ((i = this.buf.indexOf('\n\n')) >= 0) {
        const block = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) this.events.push({ event, data: JSON.parse(data), at: Date.now() });
      }
    }
  }

  close(): void {
    this.ctrl.abort();
    void this.reader.cancel().catch(() => undefined);
  }
}

const run = promisify(execFile);
const apiserver = (verb: 'stop' | 'start') => run(path.join(REPO, 'devcluster', 'apiserver.sh'), [verb]);

const url = (q: Record<string, string>) => `/api/logs?${new URLSearchParams(q).toString()}`;

describe('live logs on the devcluster (kwok Logs → API server → panel)', () => {
  beforeAll(async () => {
    await users.create();
    await createNamespace(NS);
    admin = await signIn(await users.token('admin'));
    nobody = await signIn(await users.token('nobody'));
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
    rmSync(DIR, { recursive: true, force: true });
  });

  it('follows one pod: the tail first, then a line appended to the file within 1 s', async () => {
    const file = await logPod('one', {}, cri('first') + cri('\x1b[32mINFO\x1b[0m second'));
    const s = await Stream.open(`namespace=${NS}&pod=one&tail=10`);
    try {
      await s.until(() => s.lines().length >= 2, 10_000, 'the tail');
      expect(s.lines()).toEqual(['first', '\x1b[32mINFO\x1b[0m second']);
      expect(s.entries()[0]).toMatchObject({ pod: 'one', container: 'main', k: 'l' });
      expect(s.entries()[0]!.ts).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const t0 = Date.now();
      appendFileSync(file, cri('appended now'));
      await s.until(() => s.lines().includes('appended now'), 5_000, 'the appended line');
      const arrived = s.events.at(-1)!.at;
      expect(arrived - t0).toBeLessThan(1000);
    } finally {
      s.close();
    }
  });

  it('a selector stream is a live set: a new pod joins, a removed pod is marked', async () => {
    await logPod('sel-a', { app: 'sel' }, cri('from a'));
    const s = await Stream.open(`namespace=${NS}&selector=app%3Dsel`);
    try {
      await s.until(() => s.lines().includes('from a'), 15_000, 'line of a');
      expect(s.lastTargets().map((t) => t.pod)).toEqual(['sel-a']);
      await logPod('sel-b', { app: 'sel' }, cri('from b'));
      await s.until(() => s.lines().includes('from b'), 20_000, 'line of b');
      expect(s.entries().some((e) => e.k === 'm' && e.text === 'sel-b joined')).toBe(true);
      expect(
        s
          .lastTargets()
          .map((t) => t.pod)
          .sort(),
      ).toEqual(['sel-a', 'sel-b']);
      await kubectl(['delete', 'pod', 'sel-a', '-n', NS, '--grace-period=0', '--force']);
      await s.until(
        () => s.entries().some((e) => e.k === 'm' && e.text === 'sel-a went away'),
        20_000,
        'the removal marker',
      );
      await s.until(() => s.lastTargets().length === 1, 5_000, 'targets without sel-a');
      expect(s.lastTargets().map((t) => t.pod)).toEqual(['sel-b']);
    } finally {
      s.close();
    }
  });

  it('a selector stream with a node follows only the pods on that node', async () => {
    await logPod('node-a', { app: 'onnode' }, cri('on cpu-node-1'), '', 'cpu-node-1');
    await logPod('node-b', { app: 'onnode' }, cri('on cpu-node-2'), '', 'cpu-node-2');
    const s = await Stream.open(`namespace=${NS}&selector=app%3Donnode&node=cpu-node-1&follow=false`);
    try {
      await s.until(() => s.events.some((e) => e.event === 'end'), 10_000, 'end');
      expect(s.lines()).toEqual(['on cpu-node-1']);
    } finally {
      s.close();
    }
  });

  it('previous container: the previous log, then the stream ends', async () => {
    await logPod('prev', {}, cri('current'), cri('crashed: FATAL out of memory'));
    const s = await Stream.open(`namespace=${NS}&pod=prev&previous=true`);
    try {
      await s.until(() => s.events.some((e) => e.event === 'end'), 10_000, 'end');
      expect(s.lines()).toEqual(['crashed: FATAL out of memory']);
    } finally {
      s.close();
    }
  });

  it("a time window (the metrics page's since/until): only the lines stamped inside it, then the end", async () => {
    const h = 3600_000;
    const now = Date.now();
    await logPod('window', {}, [3, 2, 1].map((k) => cri(`${k} h ago`, new Date(now - k * h))).join('') + cri('now'));
    const q = new URLSearchParams({
      namespace: NS,
      pod: 'window',
      since: new Date(now - 2.5 * h).toISOString(),
      until: new Date(now - 1.5 * h).toISOString(),
    });
    const s = await Stream.open(q.toString());
    try {
      await s.until(() => s.events.some((e) => e.event === 'end'), 10_000, 'end');
      expect(s.lines()).toEqual(['2 h ago']);
    } finally {
      s.close();
    }
  });

  it('download: byte for byte what `kubectl logs` prints, with and without timestamps', async () => {
    const text = ['plain', '\x1b[31mERROR\x1b[0m ünïcødé ✓', '  indented\ttab', '']
      .map((l, i) => cri(l, new Date(Date.now() - 1000 + i)))
      .join('');
    await logPod('dl', {}, text);
    for (const ts of [false, true]) {
      const q = new URLSearchParams({ namespace: NS, pod: 'dl', ...(ts ? { timestamps: 'true' } : {}) });
      const req = new NextRequest(new URL(`/api/logs/download?${q.toString()}`, 'http://127.0.0.1'), {
        headers: { host: '127.0.0.1', cookie: admin },
      });
      const res = await download(req, { params: Promise.resolve({}) });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="dl_main.log"');
      const got = Buffer.from(await res.arrayBuffer());
      const want = Buffer.from(await kubectl(['logs', '-n', NS, 'dl', ...(ts ? ['--timestamps'] : [])]), 'utf8');
      expect(got.equals(want)).toBe(true);
      expect(got.length).toBeGreaterThan(40);
    }
  });

  it('bad input is a 4xx with a message', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ namespace: NS, selector: 'app in (' }, 400, /^selector: /],
      [{ namespace: NS, pod: 'one', tail: '-1' }, 400, /^tail: must be 0 or more/],
      [{ namespace: NS, pod: 'one', since: '3000-01-01T00:00:00Z' }, 400, /^since: is in the future/],
      [{ namespace: NS, pod: 'no-such-pod' }, 404, /not found/],
      [{ namespace: NS, pod: 'one', container: 'nope' }, 404, /has no container nope/],
      [{ namespace: NS }, 400, /give either a pod or a label selector/],
    ];
    for (const [q, status, message] of cases) {
      const res = await callRoute(logs, url(q), { cookie: admin });
      expect(res.status, JSON.stringify(q)).toBe(status);
      expect(res.body.error?.message, JSON.stringify(q)).toMatch(message);
    }
    const dl = await callRoute(download, `/api/logs/download?namespace=${NS}&pod=no-such-pod`, { cookie: admin });
    expect(dl.status).toBe(404);
  });

  it('Kubernetes RBAC decides: a user without pods/log gets 403, for one pod and for a selector', async () => {
    const one = await callRoute(logs, url({ namespace: NS, pod: 'one' }), { cookie: nobody });
    expect(one.status).toBe(403);
    const sel = await callRoute(logs, url({ namespace: NS, selector: 'app=sel' }), { cookie: nobody });
    expect(sel.status).toBe(403);
    const dl = await callRoute(download, `/api/logs/download?namespace=${NS}&pod=one`, { cookie: nobody });
    expect(dl.status).toBe(403);
  });

  it('200 concurrent streams of one session: a few open, the rest get 429; closed ones free their slot', async () => {
    const before = openLogStreams().total;
    const answers = await Promise.all(
      Array.from({ length: 200 }, async () => {
        const ctrl = new AbortController();
        const req = new NextRequest(new URL(url({ namespace: NS, pod: 'one', tail: '1' }), 'http://127.0.0.1'), {
          headers: { host: '127.0.0.1', cookie: admin },
          signal: ctrl.signal,
        });
        const res = await logs(req, { params: Promise.resolve({}) });
        return { res, ctrl };
      }),
    );
    const ok = answers.filter((a) => a.res.status === 200);
    const limited = answers.filter((a) => a.res.status === 429);
    expect(ok.length).toBe(8);
    expect(limited.length).toBe(192);
    const body = (await limited[0]!.res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/at most 8 per session/);
    expect(limited[0]!.res.headers.get('retry-after')).toBe('5');
    for (const a of ok) {
      a.ctrl.abort();
      await a.res.body?.cancel().catch(() => undefined);
    }
    await eventually(() => openLogStreams().total === before, 5_000, 'slots released');
  });

  it('a burst beyond the byte budget is dropped with an explicit marker, not buffered', async () => {
    const file = await logPod('burst', {}, '');
    process.env.IMAGEPOD_LOG_BYTES_PER_SECOND = String(64 * 1024);
    const s = await Stream.open(`namespace=${NS}&pod=burst`);
    try {
      const big = Array.from({ length: 20_000 }, (_, i) => cri(`burst line ${i} ${'x'.repeat(60)}`)).join('');
      const rss0 = process.memoryUsage().rss;
      appendFileSync(file, big);
      await s.until(
        () => s.entries().some((e) => e.k === 'm' && /lines dropped/.test(e.text)),
        15_000,
        'dropped marker',
      );
      const dropped = s
        .entries()
        .filter((e) => e.k === 'm' && /lines dropped/.test(e.text))
        .map((e) => Number(/^(\d+)/.exec(e.text)![1]));
      expect(dropped.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(s.lines().length).toBeLessThan(20_000);
      expect(process.memoryUsage().rss - rss0).toBeLessThan(200 * 1024 * 1024);
    } finally {
      delete process.env.IMAGEPOD_LOG_BYTES_PER_SECOND;
      s.close();
    }
  });

  // Last: the restart slows the control plane down for a while.
  it(
    'the API server restarts mid-stream: the stream reconnects and resumes from the last line: nothing lost, nothing twice',
    { timeout: 300_000 },
    async () => {
      const file = await logPod('restart', {}, '');
      let n = 0;
      const writer = setInterval(() => appendFileSync(file, cri(`seq ${n++}`)), 20);
      const s = await Stream.open(`namespace=${NS}&pod=restart`);
      let down = false;
      try {
        await s.until(() => s.lines().length >= 20, 10_000, 'lines before');
        down = true;
        await apiserver('stop');
        await new Promise((r) => setTimeout(r, 2000));
        await apiserver('start');
        down = false;
        const target = n + 50;
        await s.until(() => s.lines().some((l) => l === `seq ${target}`), 120_000, 'lines after the restart');
        expect(s.entries().some((e) => e.k === 'm' && /reconnected/.test(e.text))).toBe(true);
        const seqs = s.lines().map((l) => Number(l.slice(4)));
        // Every line exactly once, in order, from the first one seen to the last.
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => seqs[0]! + i));
      } finally {
        clearInterval(writer);
        s.close();
        if (down) await apiserver('start').catch(() => undefined);
      }
    },
  );
});
