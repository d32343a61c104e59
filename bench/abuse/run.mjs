#!/usr/bin/env node
/**
 * "Abuse with a session" (see bench/README.md): starts the built standalone server against the
 * devcluster, signs in an abuser and a second user, and measures, phase by phase:
 *   1. abort-mid-open on every stream route (the client leaves at a random moment of the open);
 *   2. 1,000 opens of /api/stream (hello, then gone), 10 at a time;
 *   3. never-reading clients of /api/stream while the cluster changes (pods relabelled);
 * the server's peak RSS (VmHWM), its RSS per phase, what the streams hold after each phase (from
 * /api/metrics: live streams, log streams, log followers, subscriptions — all must be back at 0),
 * and the second user's latency (GET /api/pods, /api/workloads) before and during each phase.
 * Bounded: BENCH_TIMEOUT_S (300) for the whole run, fixed counts; it stops what it started.
 *
 *   node bench/abuse/run.mjs        (needs the devcluster up and `next build` output)
 * Env: BENCH_PANEL_PORT (3102), BENCH_ABORTS (40 per route), BENCH_OPENS (1000),
 *      BENCH_UNREAD_CLIENTS (64), BENCH_RELABEL_ROUNDS (15, over 102 pods), BENCH_TIMEOUT_S (300).
 */
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.BENCH_PANEL_PORT ?? 3102);
const BASE = `http://127.0.0.1:${PORT}`;
const ABORTS = Number(process.env.BENCH_ABORTS ?? 40);
const OPENS = Number(process.env.BENCH_OPENS ?? 1000);
const UNREAD = Number(process.env.BENCH_UNREAD_CLIENTS ?? 64);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_S ?? 300);
const FILLER_PODS = 100;
const ROUNDS = Number(process.env.BENCH_RELABEL_ROUNDS ?? 15);
const NS = 'imagepod-bench-abuse';
const KUBECONFIG = process.env.KUBECONFIG ?? path.join(REPO, '.devcluster', 'kubeconfig');
const METRICS_TOKEN = randomBytes(16).toString('hex');
const WORK = mkdtempSync(path.join(tmpdir(), 'bench-abuse-'));
const RESULTS = path.join(REPO, 'bench', 'results');

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** kubectl without blocking this process (the second user's requests go on meanwhile). */
const Kasync = (args) =>
  promisify(execFile)('bash', [path.join(REPO, 'devcluster', 'kubectl.sh'), ...args], {
    env: { ...process.env, KUBECONFIG },
    maxBuffer: 16 * 1024 * 1024,
  });
const K = (args, input) =>
  execFileSync('bash', [path.join(REPO, 'devcluster', 'kubectl.sh'), ...args], {
    env: { ...process.env, KUBECONFIG },
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });

let server = null;
function cleanup() {
  if (server?.pid) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone already */
    }
  }
  try {
    K(['delete', 'namespace', NS, '--wait=false', '--ignore-not-found']);
    K(['delete', 'clusterrolebinding', `${NS}-abuser`, `${NS}-second`, '--ignore-not-found']);
  } catch {
    /* the cluster may be gone */
  }
  rmSync(WORK, { recursive: true, force: true });
}
const deadline = setTimeout(() => {
  log(`gave up after ${TIMEOUT_S} s`);
  cleanup();
  process.exit(2);
}, TIMEOUT_S * 1000);
process.on('SIGINT', () => {
  cleanup();
  process.exit(130);
});

/** One HTTP request; resolves with status, headers and body text. */
function request(method, url, { cookie, body, headers = {}, timeoutMs = 15_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE}${url}`, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json', origin: BASE } : {}),
        ...headers,
      },
      timeout: timeoutMs,
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout ${method} ${url}`)));
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Opens a request and destroys its socket `ms` later, whatever has arrived: a client that leaves mid-open. */
function abortAfter(method, url, ms, { cookie, body } = {}) {
  return new Promise((resolve) => {
    const req = http.request(`${BASE}${url}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json', origin: BASE } : {}) },
      agent: false,
    });
    let status = 0;
    req.on('response', (res) => {
      status = res.statusCode;
      res.pause(); // never read a byte of the body
    });
    req.on('error', () => undefined);
    req.end(body === undefined ? undefined : JSON.stringify(body));
    setTimeout(() => {
      req.destroy();
      resolve(status);
    }, ms);
  });
}

/** Opens /api/stream and resolves on its hello (then the caller closes it). */
function openUntilHello(cookie) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE}/api/stream`, { headers: { cookie }, agent: false });
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        req.destroy();
        return reject(new Error(`stream ${res.statusCode}`));
      }
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        buf += c;
        if (buf.includes('event: hello')) {
          req.destroy();
          resolve();
        }
      });
    });
    req.on('error', (e) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end();
  });
}

/** A client that reads (and drops) everything `url` streams until closed. */
function openReading(url, cookie) {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE}${url}`, { headers: { cookie }, agent: false });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
      res.on('data', () => undefined);
      resolve({ close: () => req.destroy() });
    });
    req.on('error', () => undefined);
    req.end();
  });
}

/** A client of /api/stream that sends its request and never reads: its socket stays paused. */
function neverReading(cookie) {
  return new Promise((resolve) => {
    const req = http.request(`${BASE}/api/stream`, { headers: { cookie }, agent: false });
    req.on('response', (res) => {
      res.pause();
      resolve({ status: res.statusCode, close: () => req.destroy() });
    });
    req.on('error', () => undefined);
    req.end();
  });
}

const rssKiB = (field) =>
  Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0);
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : null;
};

/** The second user's latency: sequential reads for as long as `running()` holds (at least `min`). */
async function secondUser(cookie, running, min = 20) {
  const ms = [];
  while (running() || ms.length < min) {
    for (const url of ['/api/pods', '/api/workloads']) {
      const t0 = performance.now();
      const r = await request('GET', url, { cookie });
      if (r.status !== 200) throw new Error(`second user ${url}: ${r.status} ${r.text.slice(0, 200)}`);
      ms.push(performance.now() - t0);
    }
    await sleep(50);
  }
  return { n: ms.length, p50: pct(ms, 50), p95: pct(ms, 95) };
}

/** What the streams hold now, from the panel's own metrics. */
async function held() {
  const r = await request('GET', '/api/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const v = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(r.text)?.[1] ?? NaN);
  const subs = [...r.text.matchAll(/^imagepod_panel_stream_subscriptions\{[^}]*\} (\S+)$/gm)].reduce(
    (a, m) => a + Number(m[1]),
    0,
  );
  return {
    liveStreams: v('imagepod_panel_sse_clients'),
    logStreams: v('imagepod_panel_log_streams'),
    logFollowers: v('imagepod_panel_log_followers'),
    subscriptions: subs,
  };
}

async function settled(ms = 10_000) {
  const end = Date.now() + ms;
  let h;
  do {
    h = await held();
    if (Object.values(h).every((x) => x === 0)) return h;
    await sleep(250);
  } while (Date.now() < end);
  return h;
}

/** Runs `work` while the second user reads and RSS is sampled; the phase's figures. */
async function phase(name, second, work) {
  let running = true;
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKiB('VmRSS'))), 100);
  const t0 = performance.now();
  const [out, lat] = await Promise.all([work().finally(() => (running = false)), secondUser(second, () => running)]);
  clearInterval(sampler);
  const after = await settled();
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  log(
    `${name}: ${seconds} s, second user p50 ${lat.p50} ms p95 ${lat.p95} ms, peak RSS ${Math.round(peak / 1024)} MiB, held after ${JSON.stringify(after)}`,
  );
  return { name, seconds, secondUser: lat, peakRssMiB: Math.round(peak / 1024), heldAfter: after, ...out };
}

async function main() {
  K(['get', '--raw', '/readyz']);
  const standalone = path.join(REPO, '.next', 'standalone', 'server.js');
  if (!existsSync(standalone)) throw new Error('no .next/standalone/server.js: run `npx next build` first');

  log(`namespace ${NS}: a quiet pod and a chatty one (kwok Logs), users abuser and second (view)`);
  K(['delete', 'namespace', NS, '--ignore-not-found', '--wait=true', '--timeout=60s']);
  K(['delete', 'clusterrolebinding', `${NS}-abuser`, `${NS}-second`, '--ignore-not-found']);
  K(['create', 'namespace', NS]);
  for (const sa of ['abuser', 'second']) {
    K(['create', 'serviceaccount', sa, '-n', NS]);
    K(['create', 'clusterrolebinding', `${NS}-${sa}`, '--clusterrole=view', `--serviceaccount=${NS}:${sa}`]);
  }
  const quiet = path.join(WORK, 'quiet.log');
  const chatty = path.join(WORK, 'chatty.log');
  writeFileSync(quiet, '');
  writeFileSync(chatty, `${new Date().toISOString()} stdout F hello\n`);
  for (const [name, file] of [
    ['quiet', quiet],
    ['chatty', chatty],
  ]) {
    K(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'kwok.x-k8s.io/v1alpha1',
        kind: 'Logs',
        metadata: { name, namespace: NS },
        spec: { logs: [{ containers: ['main'], logsFile: file, follow: true }] },
      }),
    );
    K(
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: NS, labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'registry.local/bench:1' }] },
      }),
    );
  }
  K(['wait', '--for=condition=Ready', 'pod/quiet', 'pod/chatty', '-n', NS, '--timeout=90s']);
  K(
    ['apply', '-f', '-'],
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: Array.from({ length: FILLER_PODS }, (_, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `filler-${i}`, namespace: NS, labels: { app: 'filler' } },
        spec: { containers: [{ name: 'main', image: 'registry.local/bench:1' }] },
      })),
    }),
  );
  const token = (sa) => K(['create', 'token', sa, '-n', NS, '--duration=1h']).trim();

  log(`standalone server on ${BASE}`);
  server = spawn(process.execPath, [standalone], {
    cwd: path.dirname(standalone),
    env: {
      ...process.env,
      KUBECONFIG,
      PORT: String(PORT),
      HOSTNAME: '127.0.0.1',
      NEXT_TELEMETRY_DISABLED: '1',
      IMAGEPOD_METRICS_TOKEN: METRICS_TOKEN,
      IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      IMAGEPOD_AUDIT_STDOUT: '0',
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout.on('data', (c) => (serverLog += c));
  server.stderr.on('data', (c) => (serverLog += c));
  for (let i = 0; ; i++) {
    const r = await request('GET', '/api/readyz').catch(() => null);
    if (r?.status === 200) break;
    if (i > 240) throw new Error(`the server did not get ready:\n${serverLog.slice(-2000)}`);
    await sleep(500);
  }
  const signIn = async (sa) => {
    const r = await request('POST', '/api/auth/login', { body: { token: token(sa) } });
    if (r.status !== 200) throw new Error(`sign-in ${sa}: ${r.status} ${r.text}`);
    return [r.headers['set-cookie']]
      .flat()
      .find((c) => !/Max-Age=0/.test(c))
      .split(';')[0];
  };
  const abuser = await signIn('abuser');
  const second = await signIn('second');
  const rss0 = Math.round(rssKiB('VmRSS') / 1024);
  const baseline = await secondUser(second, () => false, 60);
  log(`baseline: RSS ${rss0} MiB, second user p50 ${baseline.p50} ms p95 ${baseline.p95} ms`);

  const phases = [];
  // 1. Abort mid-open on every stream route.
  phases.push(
    await phase('abort-mid-open', second, async () => {
      // A channel that is read, for the subscribe requests to land on; it is closed at the end.
      const sub = `bench-abuse-subs-${Date.now()}`;
      const reader = await openReading(`/api/stream?channel=${sub}`, abuser);
      let id = 0;
      const routes = [
        ['GET', () => `/api/logs?namespace=${NS}&pod=quiet`],
        ['GET', () => `/api/logs?namespace=${NS}&pod=chatty`],
        ['GET', () => `/api/logs?namespace=${NS}&selector=app%20in%20(quiet,chatty)`],
        ['GET', () => `/api/logs/download?namespace=${NS}&pod=chatty`],
        ['GET', () => '/api/stream'],
        ['GET', () => `/api/stream?channel=bench-abuse-channel-${Date.now()}`],
        ['GET', () => '/api/deploy/runs/stream'],
        [
          'POST',
          () => '/api/stream/subscriptions',
          () => ({ channel: sub, id: `s${++id}`, topic: 'logs', query: { namespace: NS, pod: 'quiet' } }),
        ],
      ];
      const statuses = {};
      let tried = 0;
      for (const [method, url, body] of routes) {
        for (let i = 0; i < ABORTS; i += 8) {
          const batch = Array.from({ length: Math.min(8, ABORTS - i) }, () =>
            // Aborted within the first 1.6 s: log streams wait up to 1.5 s for the first answer.
            abortAfter(method, url(), Math.floor(Math.random() * 1600), { cookie: abuser, body: body?.() }),
          );
          for (const s of await Promise.all(batch)) statuses[s] = (statuses[s] ?? 0) + 1;
          tried += batch.length;
        }
      }
      reader.close();
      return { requests: tried, statuses };
    }),
  );
  // 2. 1,000 opens of /api/stream.
  phases.push(
    await phase(`${OPENS} stream opens`, second, async () => {
      const t0 = performance.now();
      let failed = 0;
      for (let i = 0; i < OPENS; i += 10)
        await Promise.all(
          Array.from({ length: Math.min(10, OPENS - i) }, () => openUntilHello(abuser).catch(() => failed++)),
        );
      return { opens: OPENS, failed, openSeconds: Math.round((performance.now() - t0) / 100) / 10 };
    }),
  );
  // 3. Never-reading clients, spread over sessions (16 per session is the cap), while pods change.
  phases.push(
    await phase('never-reading clients', second, async () => {
      const sessions = [];
      for (let i = 0; i < Math.ceil(UNREAD / 16); i++) sessions.push(await signIn('abuser'));
      const clients = [];
      for (let i = 0; i < UNREAD; i++) clients.push(await neverReading(sessions[i % sessions.length]));
      const beyond = await request('GET', '/api/stream', { cookie: sessions[0], timeoutMs: 5000 }).catch((e) => ({
        status: String(e),
      }));
      const open0 = (await held()).liveStreams;
      const labels = (round) =>
        Array.from(
          { length: 100 },
          (_, j) =>
            `fill-${String(j).padStart(3, '0')}-${'k'.repeat(50)}=${String(round).padStart(3, '0')}${'v'.repeat(57)}`,
        );
      // Frames to leave unread: every pod of the namespace relabelled with long labels, round after
      // round (about 12 KiB per pod row and update, some 18 MiB per client over the rounds: more than
      // its queue plus the kernel's socket buffers).
      for (let round = 0; round < ROUNDS; round++)
        await Kasync(['label', 'pods', '--all', '-n', NS, '--overwrite', ...labels(round)]);
      await sleep(2000);
      const open1 = (await held()).liveStreams;
      for (const c of clients) c.close();
      return {
        clients: UNREAD,
        opened: clients.filter((c) => c.status === 200).length,
        beyondCapStatus: beyond.status,
        beyondCapMessage: beyond.text ? JSON.parse(beyond.text).error?.message : null,
        stillOpenAfterTraffic: open1,
        droppedAtQueueBound: open0 - open1,
      };
    }),
  );
  const peak = Math.round(rssKiB('VmHWM') / 1024);
  const ratio = (x) => (baseline.p95 ? Math.round((x / baseline.p95) * 100) / 100 : null);
  const summary = {
    at: new Date().toISOString(),
    baseline: { rssMiB: rss0, secondUser: baseline },
    phases: phases.map((p) => ({ ...p, p95Ratio: ratio(p.secondUser.p95) })),
    peakRssMiB: peak,
  };
  mkdirSync(RESULTS, { recursive: true });
  const out = path.join(RESULTS, `abuse-${summary.at.replace(/[-:.]/g, '')}.json`);
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(JSON.stringify(summary, null, 2));
  log(`peak RSS ${peak} MiB; results in ${path.relative(REPO, out)}`);
  const leaks = phases.filter((p) => !Object.values(p.heldAfter).every((x) => x === 0));
  return leaks.length ? 1 : 0;
}

main()
  .then((code) => {
    clearTimeout(deadline);
    cleanup();
    process.exit(code);
  })
  .catch((e) => {
    log(e instanceof Error ? e.message : String(e));
    cleanup();
    process.exit(2);
  });
