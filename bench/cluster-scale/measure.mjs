#!/usr/bin/env node
// Measures the panel's production server against the benchmark cluster (run by run.sh, which
// creates the cluster and spawns `next start`; see bench/README.md). Everything is plain Node 20:
// node:http for the panel (exact bytes and timings, gzip as a browser asks for it), node:https
// with client certificates for the API server (metrics scrapes and the churn).
//
// Phases: 1. wait for /api/health "synced" (time from spawn)  2. latency of /api/pods and
// /api/nodes  3. RSS  4. API-server request counters over two equal windows with 1 and then 20
// SSE clients on /api/stream while a churn relabels pods (each one a browser's shared, multiplexed
// channel, as its SharedWorker opens it: all tabs of one browser share one)  5. audit-log attribution of the panel's
// own requests  6. table with targets + JSON.
import http from 'node:http';
import https from 'node:https';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import {
  gunzipSync,
  gzipSync,
  brotliDecompressSync,
  brotliCompressSync,
  inflateSync,
  constants as zlibConstants,
} from 'node:zlib';

const env = (k, d) => {
  const v = process.env[k] ?? d;
  if (v === undefined) throw new Error(`missing env ${k}`);
  return v;
};
const PANEL = new URL(env('PANEL_URL'));
const SPAWN_MS = Number(env('SPAWN_MS'));
const API = new URL(env('APISERVER'));
const TLS = {
  ca: readFileSync(env('CA_FILE')),
  cert: readFileSync(env('CHURN_CERT')),
  key: readFileSync(env('CHURN_KEY')),
};
const AUDIT_LOG = env('AUDIT_LOG', '');
const PANEL_USER = env('PANEL_USER', 'imagepod-bench-panel');
const EXPECTED = JSON.parse(readFileSync(env('EXPECTED_JSON'), 'utf8'));
const CREATE = existsSync(env('CREATE_JSON', '/nonexistent'))
  ? JSON.parse(readFileSync(process.env.CREATE_JSON, 'utf8'))
  : {};
const OUT_JSON = env('OUT_JSON');
const CHURN_TARGETS = readFileSync(env('CHURN_TARGETS'), 'utf8').split('\n').filter(Boolean);
const WINDOW_S = Number(env('WINDOW_S', '30'));
const SSE_MANY = Number(env('SSE_CLIENTS', '20'));
const SEQ_N = Number(env('SEQ_REQUESTS', '100'));
const CHURN_BATCH = Number(env('CHURN_BATCH', '50'));
const CHURN_EVERY_MS = Number(env('CHURN_EVERY_MS', '3000'));
const DEADLINE_MS = Number(env('DEADLINE_MS', String(Date.now() + 10 * 60_000)));
const CHURN_LABEL = 'bench.imagepod.io/churn';
const ROUNDS = Number(env('WINDOW_ROUNDS', '2'));
const LOAD_AT_START = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

const TARGETS = { syncS: 10, p95Ms: 200, rssMiB: 1024, ratio: 1.05 };
/** The DRA variant's counts (gen.mjs with BENCH_DRA=1), or null: then nothing DRA is timed. */
const DRA = EXPECTED.dra ?? null;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => Date.now();
const log = (...a) => console.error(`[measure +${((now() - SPAWN_MS) / 1000).toFixed(1)}s]`, ...a);
const checkDeadline = (what) => {
  if (now() > DEADLINE_MS) throw new Error(`deadline reached during ${what}`);
};
function pct(xs, p) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const stats = (xs) => ({
  n: xs.length,
  p50: r1(pct(xs, 50)),
  p95: r1(pct(xs, 95)),
  max: r1(xs.length ? Math.max(...xs) : null),
  mean: r1(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null),
});
const sec = (ms) => Math.round(ms / 10) / 100;
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);

// ---------------------------------------------------------------- panel HTTP
const panelAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const LOGIN_LINK_FILE = env('LOGIN_LINK_FILE');
let COOKIE = '';
/** Signs in with the panel's local-mode one-time link (it acts with the panel's kubeconfig identity). */
async function signIn() {
  const link = new URL(readFileSync(LOGIN_LINK_FILE, 'utf8').trim());
  const res = await new Promise((resolve, reject) => {
    http
      .get({ host: PANEL.hostname, port: PANEL.port, path: link.pathname + link.search }, (r) => {
        r.resume();
        resolve(r);
      })
      .on('error', reject);
  });
  const set = res.headers['set-cookie']?.find((c) => !c.includes('Max-Age=0'));
  if (res.statusCode !== 303 || !set) throw new Error(`sign-in link answered HTTP ${res.statusCode}`);
  COOKIE = set.split(';')[0];
}
/** One GET to the panel: status, wall time to the last byte, bytes on the wire and decoded. */
function panelGet(path, { encoding = 'gzip, deflate, br', timeoutMs = 30_000, decode = false } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.get(
      {
        host: PANEL.hostname,
        port: PANEL.port,
        path,
        agent: panelAgent,
        headers: { cookie: COOKIE, ...(encoding ? { 'accept-encoding': encoding } : {}) },
      },
      (res) => {
        const chunks = [];
        let ttfb = Number(process.hrtime.bigint() - t0) / 1e6;
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const raw = Buffer.concat(chunks);
          const ce = res.headers['content-encoding'];
          let body = null;
          if (decode)
            body =
              ce === 'gzip'
                ? gunzipSync(raw)
                : ce === 'br'
                  ? brotliDecompressSync(raw)
                  : ce === 'deflate'
                    ? inflateSync(raw)
                    : raw;
          resolve({ status: res.statusCode, ms, ttfb, wireBytes: raw.length, encoding: ce ?? 'identity', body });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout GET ${path}`)));
    req.on('error', reject);
  });
}
async function panelJson(path) {
  const r = await panelGet(path, { decode: true });
  return { ...r, json: JSON.parse(r.body.toString('utf8')), decodedBytes: r.body.length };
}

// ---------------------------------------------------------------- API server
const apiAgent = new https.Agent({ ...TLS, keepAlive: true, maxSockets: 8 });
function apiRequest(method, path, body, contentType) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const req = https.request(
      {
        host: API.hostname,
        port: API.port,
        path,
        method,
        agent: apiAgent,
        headers: {
          accept: 'application/json, text/plain',
          'user-agent': 'imagepod-bench-churn',
          ...(data ? { 'content-type': contentType, 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout ${method} ${path}`)));
    req.on('error', reject);
    if (data) req.write(data);
    req.end();
  });
}

/** Sums of the API server's own counters from /metrics. */
async function scrapeMetrics() {
  const r = await apiRequest('GET', '/metrics');
  if (r.status !== 200) throw new Error(`/metrics: HTTP ${r.status}`);
  const m = {
    requests: 0,
    byVerb: {},
    byKind: {},
    panelResourcesByVerb: {},
    longRunningWatches: 0,
    watchEventsSent: 0,
    at: now(),
  };
  const PANEL_RES = new Set(['nodes', 'pods', 'deployments', 'statefulsets', 'daemonsets', 'replicasets', 'events']);
  for (const line of r.text.split('\n')) {
    if (line.startsWith('#') || !line) continue;
    const mm = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!mm) continue;
    const [, name, labelText = '', valueText] = mm;
    const value = Number(valueText);
    if (!Number.isFinite(value)) continue;
    const labels = {};
    for (const lm of labelText.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[lm[1]] = lm[2];
    if (name === 'apiserver_request_total') {
      m.requests += value;
      m.byVerb[labels.verb] = (m.byVerb[labels.verb] ?? 0) + value;
      const kind = `${labels.verb} ${labels.resource || '(non-resource)'}${labels.subresource ? `/${labels.subresource}` : ''}`;
      m.byKind[kind] = (m.byKind[kind] ?? 0) + value;
      if (PANEL_RES.has(labels.resource) && !labels.subresource && ['LIST', 'WATCH', 'GET'].includes(labels.verb)) {
        const k = `${labels.verb} ${labels.resource}`;
        m.panelResourcesByVerb[k] = (m.panelResourcesByVerb[k] ?? 0) + value;
      }
    } else if (name === 'apiserver_longrunning_requests' && labels.verb === 'WATCH') {
      m.longRunningWatches += value;
    } else if (name === 'apiserver_watch_events_total') {
      m.watchEventsSent += value;
    }
  }
  return m;
}
function diffMetrics(a, b) {
  const sub = (x, y) => {
    const o = {};
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const d = (y[k] ?? 0) - (x[k] ?? 0);
      if (d) o[k] = d;
    }
    return o;
  };
  const byKind = sub(a.byKind, b.byKind);
  // kwok's node heartbeats (Lease renewals and node status updates of 1,000 fake nodes) have
  // nothing to do with the panel and come in bursts: counted apart so they do not drown the ratio.
  const heartbeats = Object.entries(byKind)
    .filter(([k]) => / leases$| nodes\/status$/.test(k))
    .reduce((s, [, v]) => s + v, 0);
  return {
    seconds: (b.at - a.at) / 1000,
    requests: b.requests - a.requests,
    nodeHeartbeats: heartbeats,
    churnPatchesSeenByServer: byKind['PATCH pods'] ?? 0,
    byVerb: sub(a.byVerb, b.byVerb),
    top: Object.fromEntries(
      Object.entries(byKind)
        .sort((x, y) => y[1] - x[1])
        .slice(0, 8),
    ),
    listWatchGetOfCachedResources: sub(a.panelResourcesByVerb, b.panelResourcesByVerb),
    watchEventsSent: b.watchEventsSent - a.watchEventsSent,
    openWatchesAtStart: a.longRunningWatches,
    openWatchesAtEnd: b.longRunningWatches,
  };
}

// ---------------------------------------------------------------- RSS of the real server process
function serverPid() {
  const out = execFileSync('ss', ['-ltnpH', `sport = :${PANEL.port}`], { encoding: 'utf8' });
  const m = /pid=(\d+)/.exec(out);
  if (!m) throw new Error(`no process listening on :${PANEL.port}: ${out}`);
  return Number(m[1]);
}
function memOf(pid) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  const name = /^Name:\s+(.*)$/m.exec(s)?.[1];
  return { rssMiB: r1(kb('VmRSS') / 1024), hwmMiB: r1(kb('VmHWM') / 1024), name };
}
function procStartMs(pid) {
  // /proc/<pid>/stat field 22 = start time in clock ticks after boot; btime in /proc/stat.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return now() - (uptime - ticks / hz) * 1000;
}

// ---------------------------------------------------------------- SSE clients
class SseClient {
  constructor(id, onUpsert) {
    this.id = id;
    this.onUpsert = onUpsert;
    this.events = { hello: 0, delta: 0, health: 0 };
    this.podUpserts = 0;
    this.upserts = 0;
    this.bytes = 0;
    this.helloAt = null;
    this.closed = false;
    this.error = null;
  }
  open() {
    return new Promise((resolve, reject) => {
      // The browser's one channel: a random id, as the SharedWorker picks it (tabs subscribe on it).
      const path = `/api/stream?channel=${randomBytes(16).toString('base64url')}`;
      this.req = http.get(
        { host: PANEL.hostname, port: PANEL.port, path, headers: { accept: 'text/event-stream', cookie: COOKIE } },
        (res) => {
          if (res.statusCode !== 200) {
            reject(new Error(`/api/stream: HTTP ${res.statusCode}`));
            res.resume();
            return;
          }
          res.setEncoding('utf8');
          let buf = '';
          res.on('data', (chunk) => {
            this.bytes += Buffer.byteLength(chunk);
            buf += chunk;
            let i;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              let event = 'message';
              let data = '';
              for (const line of block.split('\n')) {
                if (line.startsWith('event:')) event = line.slice(6).trim();
                else if (line.startsWith('data:')) data += line.slice(5).trim();
              }
              if (!data) continue;
              this.events[event] = (this.events[event] ?? 0) + 1;
              if (event === 'hello') {
                this.helloAt = now();
                resolve();
              }
              if (event === 'delta') {
                const d = JSON.parse(data);
                this.upserts += d.upserts.length;
                if (d.view === 'pods') {
                  this.podUpserts += d.upserts.length;
                  for (const row of d.upserts) this.onUpsert(this, row);
                }
              }
            }
          });
          res.on('end', () => {
            this.closed = true;
          });
          res.on('error', (e) => {
            this.error = e;
            this.closed = true;
          });
        },
      );
      this.req.on('error', (e) => {
        this.error = e;
        this.closed = true;
        reject(e);
      });
      this.req.setTimeout(20_000, () => {
        if (!this.helloAt) this.req.destroy(new Error('no hello in 20 s'));
      });
    });
  }
  snapshot() {
    return { delta: this.events.delta, podUpserts: this.podUpserts, upserts: this.upserts, bytes: this.bytes };
  }
  close() {
    this.req?.destroy();
    this.closed = true;
  }
}

// ---------------------------------------------------------------- churn (relabels pods)
class Churn {
  constructor() {
    this.requests = [];
    this.round = 0;
    this.next = 0;
    this.stopped = false;
    this.failures = 0;
    this.patchedAt = new Map();
  }
  async start() {
    this.loop = (async () => {
      while (!this.stopped) {
        const started = now();
        this.round++;
        const batch = [];
        for (let i = 0; i < CHURN_BATCH; i++) {
          batch.push(CHURN_TARGETS[this.next % CHURN_TARGETS.length]);
          this.next++;
        }
        await Promise.all(
          batch.map(async (key) => {
            const [ns, name] = key.split('/');
            const round = String(this.round);
            const t0 = now();
            try {
              const r = await apiRequest(
                'PATCH',
                `/api/v1/namespaces/${ns}/pods/${name}`,
                { metadata: { labels: { [CHURN_LABEL]: round } } },
                'application/merge-patch+json',
              );
              if (r.status !== 200) this.failures++;
            } catch {
              this.failures++;
            }
            const t1 = now();
            this.requests.push(t1);
            this.patchedAt.set(`${key}@${round}`, t1);
            void t0;
          }),
        );
        const wait = CHURN_EVERY_MS - (now() - started);
        if (wait > 0) await sleep(wait);
      }
    })();
  }
  async stop() {
    this.stopped = true;
    await this.loop;
  }
  countBetween(a, b) {
    return this.requests.filter((t) => t >= a && t < b).length;
  }
}

// ---------------------------------------------------------------- audit log (the panel's own requests)
function auditSummary(phases) {
  if (!AUDIT_LOG || !existsSync(AUDIT_LOG)) return { available: false };
  const seen = new Map();
  for (const line of readFileSync(AUDIT_LOG, 'utf8').split('\n')) {
    if (!line) continue;
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (e.user?.username !== PANEL_USER || seen.has(e.auditID)) continue;
    seen.set(e.auditID, {
      at: Date.parse(e.requestReceivedTimestamp),
      verb: e.verb,
      resource: e.objectRef?.resource ?? e.requestURI,
      code: e.responseStatus?.code,
    });
  }
  const out = { available: true, total: seen.size, phases: {} };
  for (const [name, ranges] of Object.entries(phases)) {
    const rows = [...seen.values()].filter((r) => ranges.some(([a, b]) => r.at >= a && r.at < b));
    const byVerb = {};
    for (const r of rows) {
      const k = `${r.verb} ${r.resource}`;
      byVerb[k] = (byVerb[k] ?? 0) + 1;
    }
    out.phases[name] = { requests: rows.length, byVerb };
  }
  return out;
}

// ---------------------------------------------------------------- main
async function main() {
  const result = { date: new Date().toISOString(), expected: EXPECTED, cluster: CREATE, targets: TARGETS };

  // 1. Sync.
  log('waiting for /api/health to report synced');
  let firstAnswer = null;
  let health = null;
  let polls = 0;
  for (;;) {
    checkDeadline('sync');
    if (now() - SPAWN_MS > 180_000) throw new Error('not synced 180 s after spawn');
    try {
      if (!COOKIE) await signIn();
      const r = await panelJson('/api/health');
      polls++;
      firstAnswer ??= { at: now(), state: r.json.state };
      const res = Object.values(r.json.resources ?? {});
      if (r.json.state === 'synced' && res.length && res.every((x) => x.listedAt)) {
        health = r.json;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  const syncedAt = now();
  const pid = serverPid();
  const procStart = procStartMs(pid);
  const listed = Object.fromEntries(
    Object.entries(health.resources).map(([k, v]) => [
      k,
      { objects: v.objects, listedAfterSpawnS: sec(Date.parse(v.listedAt) - SPAWN_MS) },
    ]),
  );
  const lastListed = Math.max(...Object.values(health.resources).map((v) => Date.parse(v.listedAt)));
  result.sync = {
    spawnToSyncedS: (syncedAt - SPAWN_MS) / 1000,
    spawnToFirstHealthAnswerS: (firstAnswer.at - SPAWN_MS) / 1000,
    firstHealthState: firstAnswer.state,
    serverProcessStartAfterSpawnS: sec(procStart - SPAWN_MS),
    // The cache starts in instrumentation register(), i.e. as the server process boots: from the
    // listening process's start to the last listedAt bounds the LIST phase (incl. module loading).
    procStartToLastListedS: sec(lastListed - procStart),
    firstHealthAnswerToLastListedS: sec(lastListed - firstAnswer.at),
    resources: listed,
    healthPolls: polls,
  };
  result.server = { pid, name: memOf(pid).name };
  result.memory = { atSync: memOf(pid) };
  log(
    `synced ${result.sync.spawnToSyncedS}s after spawn; pods=${listed.pods?.objects} nodes=${listed.nodes?.objects} events=${listed.events?.objects}; pid ${pid} rss ${result.memory.atSync.rssMiB} MiB`,
  );

  // Sample RSS every 500 ms for the rest of the run.
  let rssMax = 0;
  const rssTimer = setInterval(() => {
    try {
      rssMax = Math.max(rssMax, memOf(pid).rssMiB);
    } catch {
      /* gone */
    }
  }, 500);

  // 2. Latency (no churn, no SSE clients).
  const cpu = cpuMeter(pid);
  log('latency: warm-up');
  for (let i = 0; i < 5; i++) {
    await panelGet('/api/pods');
    await panelGet('/api/nodes');
  }
  const podsBody = await panelJson('/api/pods');
  const nodesBody = await panelJson('/api/nodes');
  const sizes = {
    pods: {
      items: podsBody.json.items.length,
      decodedBytes: podsBody.decodedBytes,
      wireBytes: podsBody.wireBytes,
      encoding: podsBody.encoding,
      bytesPerRow: Math.round(podsBody.decodedBytes / Math.max(1, podsBody.json.items.length)),
      healthBytes: JSON.stringify(podsBody.json.health).length,
    },
    nodes: {
      items: nodesBody.json.items.length,
      decodedBytes: nodesBody.decodedBytes,
      wireBytes: nodesBody.wireBytes,
      encoding: nodesBody.encoding,
      bytesPerRow: Math.round(nodesBody.decodedBytes / Math.max(1, nodesBody.json.items.length)),
    },
  };
  const seq = async (path, n, opts) => {
    const xs = [];
    for (let i = 0; i < n; i++) {
      checkDeadline('latency');
      const r = await panelGet(path, opts);
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
      xs.push(r.ms);
    }
    return xs;
  };
  // Server CPU per request (utime+stime of the server process over the series / n): unlike wall
  // time, it does not depend on what else the machine is doing.
  const series = async (path, n, opts) => {
    const c0 = cpu();
    const xs = await seq(path, n, opts);
    return { ...stats(xs), serverCpuMsPerRequest: r1((cpu() - c0) / n) };
  };
  log(`latency: ${SEQ_N} sequential /api/pods`);
  const podsSeq = await series('/api/pods', SEQ_N);
  log(`latency: ${SEQ_N} sequential /api/nodes`);
  const nodesSeq = await series('/api/nodes', SEQ_N);
  let slicesSeq = null;
  let claimsSeq = null;
  if (DRA) {
    for (let i = 0; i < 5; i++) {
      await panelGet('/api/resourceslices');
      await panelGet('/api/resourceclaims');
    }
    const slicesBody = await panelJson('/api/resourceslices');
    const claimsBody = await panelJson('/api/resourceclaims');
    const size = (b) => ({
      items: b.json.items.length,
      decodedBytes: b.decodedBytes,
      wireBytes: b.wireBytes,
      encoding: b.encoding,
      bytesPerRow: Math.round(b.decodedBytes / Math.max(1, b.json.items.length)),
    });
    sizes.resourceslices = {
      ...size(slicesBody),
      devices: slicesBody.json.items.reduce((a, r) => a + (r.devices?.length ?? 0), 0),
    };
    // What the panel says was allocated, to set against what the cluster did (create.json).
    sizes.resourceclaims = {
      ...size(claimsBody),
      allocated: claimsBody.json.items.filter((r) => r.allocation).length,
      reserved: claimsBody.json.items.filter((r) => r.reservedFor?.length).length,
    };
    log(`latency: ${SEQ_N} sequential /api/resourceslices`);
    slicesSeq = await series('/api/resourceslices', SEQ_N);
    log(`latency: ${SEQ_N} sequential /api/resourceclaims`);
    claimsSeq = await series('/api/resourceclaims', SEQ_N);
  }
  log('latency: 20 sequential /api/pods without compression, 20 filtered by namespace');
  const podsIdentity = await series('/api/pods', 20, { encoding: null });
  const podsFiltered = await series('/api/pods?namespace=bench-00', 20);
  // The command palette (GET /api/search): a plain pod's name typed letter by letter, one request
  // per keystroke as the palette asks; /api/health in the same run is the request floor.
  log('latency: /api/search per keystroke of "bench-07/job-0042", /api/health as the baseline');
  const typed = 'bench-07/job-0042';
  const searchXs = [];
  for (let round = 0; round < 3; round++)
    for (let i = 1; i <= typed.length; i++)
      searchXs.push(...(await seq(`/api/search?q=${encodeURIComponent(typed.slice(0, i))}`, 1)));
  const searchTyped = stats(searchXs);
  const healthSeq = await series('/api/health', 20);
  log('latency: 10 concurrent clients x 10 /api/pods');
  const conc = [];
  const concT0 = now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let i = 0; i < 10; i++) conc.push((await panelGet('/api/pods')).ms);
    }),
  );
  const concWall = (now() - concT0) / 1000;
  result.latency = {
    podsSequential: podsSeq,
    nodesSequential: nodesSeq,
    ...(DRA ? { resourceSlicesSequential: slicesSeq, resourceClaimsSequential: claimsSeq } : {}),
    podsSequentialIdentity: podsIdentity,
    podsNamespaceFiltered: podsFiltered,
    searchPerKeystroke: searchTyped,
    healthBaseline: healthSeq,
    podsConcurrent10: { ...stats(conc), wallS: concWall, reqPerS: r1(100 / concWall) },
  };
  result.sizes = sizes;
  result.memory.afterLatency = memOf(pid);
  log(
    `pods p50 ${podsSeq.p50} p95 ${podsSeq.p95} ms (${podsSeq.serverCpuMsPerRequest} ms server CPU each); nodes p95 ${nodesSeq.p95} ms; rss ${result.memory.afterLatency.rssMiB} MiB`,
  );

  // 3. API-server request counters with 1 and with SSE_MANY SSE clients while the churn runs,
  // alternating (1, many, 1, many, ...) so slow drifts of the background cancel out.
  const churn = new Churn();
  let deliveryBucket = null;
  const onUpsert = (client, row) => {
    const round = row.labels?.[CHURN_LABEL];
    if (!round || !deliveryBucket) return;
    const k = `${row.key}@${round}`;
    const t = churn.patchedAt.get(k);
    if (t !== undefined) {
      client.seen ??= new Set();
      if (!client.seen.has(k)) {
        client.seen.add(k);
        deliveryBucket.push(now() - t);
      }
    }
  };
  const windowRun = async (clients, label) => {
    checkDeadline(`window ${label}`);
    const before = clients.map((c) => c.snapshot());
    const bucket = [];
    deliveryBucket = bucket;
    const m0 = await scrapeMetrics();
    const c0 = cpu();
    const t0 = now();
    await sleep(WINDOW_S * 1000);
    const m1 = await scrapeMetrics();
    const c1 = cpu();
    const t1 = now();
    deliveryBucket = null;
    const after = clients.map((c) => c.snapshot());
    const per = after.map((a, i) => ({
      delta: a.delta - before[i].delta,
      podUpserts: a.podUpserts - before[i].podUpserts,
      bytes: a.bytes - before[i].bytes,
    }));
    const d = diffMetrics(m0, m1);
    const churnReq = churn.countBetween(m0.at, m1.at);
    const w = {
      label,
      sseClients: clients.length,
      t0,
      t1,
      ...d,
      churnRequests: churnReq,
      requestsMinusHeartbeats: d.requests - d.nodeHeartbeats,
      requestsMinusHeartbeatsAndChurn: d.requests - d.nodeHeartbeats - churnReq,
      serverCpuPercent: r1(((c1 - c0) / (t1 - t0)) * 100),
      sse: {
        clientsOpen: clients.filter((c) => !c.closed).length,
        deltaEventsMin: Math.min(...per.map((p) => p.delta)),
        deltaEventsMax: Math.max(...per.map((p) => p.delta)),
        podUpsertsMin: Math.min(...per.map((p) => p.podUpserts)),
        podUpsertsMax: Math.max(...per.map((p) => p.podUpserts)),
        bytesPerClient: Math.round(per.reduce((a, p) => a + p.bytes, 0) / per.length),
        delivery: bucket,
      },
    };
    log(
      `window ${label}: ${w.requests} API requests (${w.nodeHeartbeats} heartbeats, ${churnReq} churn); SSE clients got ${w.sse.podUpsertsMin}..${w.sse.podUpsertsMax} pod upserts; server CPU ${w.serverCpuPercent}%`,
    );
    return w;
  };
  log(`churn: ${CHURN_BATCH} pod relabels every ${CHURN_EVERY_MS} ms`);
  await churn.start();
  await sleep(3000);
  const first = new SseClient(1, onUpsert);
  await first.open();
  await sleep(3000);
  const ones = [];
  const manys = [];
  let streamsSeen = [];
  let podsLoaded = null;
  for (let round = 1; round <= ROUNDS; round++) {
    streamsSeen.push((await panelJson('/api/health')).json.streams);
    ones.push(await windowRun([first], `${round}a (1 client)`));
    const extra = Array.from({ length: SSE_MANY - 1 }, (_, i) => new SseClient(i + 2, onUpsert));
    await Promise.all(extra.map((c) => c.open()));
    await sleep(3000);
    streamsSeen.push((await panelJson('/api/health')).json.streams);
    manys.push(await windowRun([first, ...extra], `${round}b (${SSE_MANY} clients)`));
    if (round === ROUNDS) {
      // Latency while the streams are open and the churn runs (informational).
      log('latency under load: 30 sequential /api/pods with the streams open and the churn running');
      podsLoaded = await series('/api/pods', 30);
    }
    for (const c of extra) c.close();
    await sleep(3000);
  }
  result.latency.podsWithStreamsAndChurn = podsLoaded;
  await churn.stop();
  first.close();
  result.churn = {
    rounds: churn.round,
    requests: churn.requests.length,
    failures: churn.failures,
    batch: CHURN_BATCH,
    everyMs: CHURN_EVERY_MS,
  };

  const total = (ws) => {
    const keys = [
      'seconds',
      'requests',
      'nodeHeartbeats',
      'churnRequests',
      'requestsMinusHeartbeats',
      'requestsMinusHeartbeatsAndChurn',
      'watchEventsSent',
    ];
    const o = Object.fromEntries(keys.map((k) => [k, r1(ws.reduce((a, w) => a + w[k], 0))]));
    o.listWatchGetOfCachedResources = ws.reduce((a, w) => a + sum(w.listWatchGetOfCachedResources), 0);
    o.openWatches = ws.map((w) => `${w.openWatchesAtStart}->${w.openWatchesAtEnd}`);
    o.serverCpuPercent = r1(ws.reduce((a, w) => a + w.serverCpuPercent, 0) / ws.length);
    o.ssePodUpsertsMinPerClient = Math.min(...ws.map((w) => w.sse.podUpsertsMin));
    o.sseClientsOpenMin = Math.min(...ws.map((w) => w.sse.clientsOpen));
    return o;
  };
  for (const w of [...ones, ...manys]) {
    w.sse.deliveryMs = stats(w.sse.delivery);
    delete w.sse.delivery;
  }
  const A = total(ones);
  const B = total(manys);
  A.sseDeliveryMs = mergeStats(ones.map((w) => w.sse.deliveryMs));
  B.sseDeliveryMs = mergeStats(manys.map((w) => w.sse.deliveryMs));
  // 0 requests in both windows is "no change": ratio 1.
  const ratio = (a, b) => (a > 0 ? Math.round((b / a) * 1000) / 1000 : b === 0 ? 1 : null);
  result.apiServer = {
    windowS: WINDOW_S,
    rounds: ROUNDS,
    sseClients: SSE_MANY,
    windows: [...ones, ...manys].sort((x, y) => x.t0 - y.t0),
    oneClient: A,
    manyClients: B,
    ratioAllRequests: ratio(A.requests, B.requests),
    ratioMinusHeartbeats: ratio(A.requestsMinusHeartbeats, B.requestsMinusHeartbeats),
    ratioMinusHeartbeatsAndChurn: ratio(A.requestsMinusHeartbeatsAndChurn, B.requestsMinusHeartbeatsAndChurn),
    ratioListWatchGet: ratio(A.listWatchGetOfCachedResources, B.listWatchGetOfCachedResources),
    streamsReportedByPanel: streamsSeen,
  };

  // 4. The panel's own requests, attributed by user in the audit log.
  await sleep(1500);
  const inWindows = (ws) => ws.map((w) => [w.t0, w.t1]);
  result.panelRequests = auditSummary({
    untilSynced: [[SPAWN_MS - 1000, syncedAt + 1000]],
    latencyPhase: [[syncedAt + 1000, ones[0].t0]],
    windowsOneClient: inWindows(ones),
    windowsManyClients: inWindows(manys),
    wholeRun: [[SPAWN_MS - 1000, now() + 60_000]],
  });
  result.memory.atEnd = memOf(pid);

  // 5. Where /api/pods time goes, reproduced here on the same body (same V8, one core).
  log('cost analysis of the /api/pods body');
  result.analysis = analyse(podsBody.json);
  log('heap analysis: what the cache holds per resource');
  result.analysis.heap = await heapAnalysis(podsBody.json.items);

  clearInterval(rssTimer);
  result.memory.sampledMaxMiB = rssMax;
  result.memory.peakMiB = Math.max(result.memory.atEnd.hwmMiB, rssMax);
  try {
    result.memory.kubeApiserver = memOf(Number(readFileSync(env('APISERVER_PID_FILE', ''), 'utf8').trim()));
  } catch {
    /* unknown */
  }
  result.machine = {
    cpus: (await import('node:os')).cpus().length,
    loadavgAtStart: LOAD_AT_START,
    loadavgAtEnd: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number),
  };

  // 6. Verdicts.
  const a = result.apiServer;
  const pw = result.panelRequests.phases;
  result.checks = [
    {
      figure: 'cache synced after server spawn',
      value: result.sync.spawnToSyncedS,
      unit: 's',
      target: `< ${TARGETS.syncS} s`,
      pass: result.sync.spawnToSyncedS < TARGETS.syncS,
    },
    {
      figure: 'GET /api/pods p95 (sequential)',
      value: result.latency.podsSequential.p95,
      unit: 'ms',
      target: `< ${TARGETS.p95Ms} ms`,
      pass: result.latency.podsSequential.p95 < TARGETS.p95Ms,
    },
    {
      figure: 'GET /api/nodes p95 (sequential)',
      value: result.latency.nodesSequential.p95,
      unit: 'ms',
      target: `< ${TARGETS.p95Ms} ms`,
      pass: result.latency.nodesSequential.p95 < TARGETS.p95Ms,
    },
    ...(DRA
      ? [
          {
            figure: 'GET /api/resourceslices p95 (sequential)',
            value: result.latency.resourceSlicesSequential.p95,
            unit: 'ms',
            target: `< ${TARGETS.p95Ms} ms`,
            pass: result.latency.resourceSlicesSequential.p95 < TARGETS.p95Ms,
          },
          {
            figure: 'GET /api/resourceclaims p95 (sequential)',
            value: result.latency.resourceClaimsSequential.p95,
            unit: 'ms',
            target: `< ${TARGETS.p95Ms} ms`,
            pass: result.latency.resourceClaimsSequential.p95 < TARGETS.p95Ms,
          },
          {
            // The panel's answer equals the cluster's (kubectl's count after the pods ran).
            figure: "panel's claims allocated / listed",
            value: `${sizes.resourceclaims.allocated} / ${sizes.resourceclaims.items}`,
            unit: '',
            target: `${CREATE.claimsAllocated ?? DRA.allocatedClaims} / ${CREATE.claims ?? DRA.claims}, as kubectl`,
            pass:
              sizes.resourceclaims.allocated === (CREATE.claimsAllocated ?? DRA.allocatedClaims) &&
              sizes.resourceclaims.items === (CREATE.claims ?? DRA.claims) &&
              sizes.resourceslices.items === DRA.resourceSlices,
          },
        ]
      : []),
    {
      figure: 'server RSS, peak (VmHWM)',
      value: result.memory.peakMiB,
      unit: 'MiB',
      target: `< ${TARGETS.rssMiB} MiB`,
      pass: result.memory.peakMiB < TARGETS.rssMiB,
    },
    {
      figure: `API requests ${SSE_MANY}/1 SSE clients, excl. heartbeats`,
      value: a.ratioMinusHeartbeats,
      unit: 'x',
      target: `<= ${TARGETS.ratio}`,
      pass: a.ratioMinusHeartbeats !== null && a.ratioMinusHeartbeats <= TARGETS.ratio,
    },
    {
      figure: `API requests ${SSE_MANY}/1 SSE clients, all (info)`,
      value: a.ratioAllRequests,
      unit: 'x',
      target: `<= ${TARGETS.ratio}`,
      pass: a.ratioAllRequests !== null && a.ratioAllRequests <= TARGETS.ratio,
      informational: true,
    },
    {
      figure: 'SSE clients received the churn',
      value: Math.min(A.ssePodUpsertsMinPerClient, B.ssePodUpsertsMinPerClient),
      unit: 'upserts/client',
      target: '> 0, every client, every window',
      pass: A.ssePodUpsertsMinPerClient > 0 && B.ssePodUpsertsMinPerClient > 0 && B.sseClientsOpenMin === SSE_MANY,
    },
  ];
  // Informational: the panel's watches also reconnect on timers (server timeoutSeconds, the idle
  // watchdog), which can land in any window; one extra request per added client would show here.
  if (pw)
    result.checks.push({
      figure: `panel's own API requests (1 / ${SSE_MANY} clients)`,
      value: `${pw.windowsOneClient.requests} / ${pw.windowsManyClients.requests}`,
      unit: '',
      target: 'many <= one',
      pass: pw.windowsManyClients.requests <= pw.windowsOneClient.requests,
      informational: true,
    });
  result.pass = result.checks.every((c) => c.pass || c.informational);

  writeFileSync(OUT_JSON, JSON.stringify(result, null, 2) + '\n');
  printReport(result);
  return result.pass ? 0 : 1;
}

/** Combines per-window latency stats (weighted p50/p95 approximations are not exact: max of p95s). */
function mergeStats(list) {
  const xs = list.filter((s) => s.n);
  if (!xs.length) return stats([]);
  return {
    n: xs.reduce((a, s) => a + s.n, 0),
    p50: Math.max(...xs.map((s) => s.p50)),
    p95: Math.max(...xs.map((s) => s.p95)),
    max: Math.max(...xs.map((s) => s.max)),
  };
}

/** CPU time (ms) of a process so far, from /proc/<pid>/stat utime+stime. */
function cpuMeter(pid) {
  const hz = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return () => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) / hz) * 1000;
  };
}

/**
 * Retained heap (MiB) of what the server's cache holds, rebuilt here: the raw objects a Reflector
 * stores (LIST pages minus managedFields) for pods and events, and the pod rows plus their JSON
 * strings that the ViewStore keeps. Needs --expose-gc; approximate (same V8, separate process).
 */
async function heapAnalysis(podRows) {
  if (typeof globalThis.gc !== 'function') return null;
  const used = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
  };
  const mib = (b) => r1(b / 1048576);
  const listAll = async (path) => {
    const store = new Map();
    let cont = '';
    do {
      const r = await apiRequest('GET', `${path}?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
      const page = JSON.parse(r.text);
      for (const o of page.items) {
        delete o.metadata.managedFields;
        store.set(`${o.metadata.namespace}/${o.metadata.name}`, o);
      }
      cont = page.metadata?.continue ?? '';
    } while (cont);
    return store;
  };
  // Size = heap (after full GCs) while holding the structure minus heap just before building it.
  const held = async (make) => {
    const h0 = used();
    let x = await make();
    const h1 = used();
    const n = x.size ?? x.length;
    x = null;
    return [mib(h1 - h0), n];
  };
  const out = {};
  [out.rawPodsMiB, out.pods] = await held(() => listAll('/api/v1/pods'));
  [out.rawEventsMiB, out.events] = await held(() => listAll('/api/v1/events'));
  [out.rawNodesMiB, out.nodes] = await held(() => listAll('/api/v1/nodes'));
  if (DRA) {
    [out.rawResourceSlicesMiB, out.resourceSlices] = await held(() =>
      listAll('/apis/resource.k8s.io/v1/resourceslices'),
    );
    [out.rawResourceClaimsMiB, out.resourceClaims] = await held(() =>
      listAll('/apis/resource.k8s.io/v1/resourceclaims'),
    );
  }
  [out.podRowsMiB] = await held(() => JSON.parse(JSON.stringify(podRows)));
  [out.podRowJsonStringsMiB] = await held(() => podRows.map((r) => JSON.stringify(r)));
  return out;
}

/** Reproduces the parts of a /api/pods answer's cost on its own body. */
function analyse(body) {
  const time = (fn, n = 5) => {
    fn();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return r1(Number(process.hrtime.bigint() - t0) / 1e6 / n);
  };
  const json = JSON.stringify(body);
  const rowJson = body.items.map((r) => JSON.stringify(r));
  const head = JSON.stringify({ revision: body.revision, epoch: body.epoch, health: body.health });
  const gz1 = gzipSync(json, { level: 1 }).length;
  const gz6 = gzipSync(json).length;
  return {
    rows: body.items.length,
    bodyBytes: Buffer.byteLength(json),
    jsonStringifyMs: time(() => JSON.stringify(body)),
    joinCachedRowJsonMs: time(() => `{"items":[${rowJson.join(',')}],${head.slice(1)}`),
    gzipLevel6Ms: time(() => gzipSync(json), 3),
    gzipLevel6Bytes: gz6,
    gzipLevel1Ms: time(() => gzipSync(json, { level: 1 }), 3),
    gzipLevel1Bytes: gz1,
    brotliQ4Ms: time(() => brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }), 3),
    brotliQ4Bytes: brotliCompressSync(json, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } }).length,
    healthBytesPerAnswer: Buffer.byteLength(JSON.stringify(body.health)),
    labelsShareOfBody: r1(
      (body.items.reduce((a, r) => a + JSON.stringify(r.labels).length, 0) / Buffer.byteLength(json)) * 100,
    ),
  };
}
function sum(o) {
  return Object.values(o).reduce((a, b) => a + b, 0);
}

function printReport(r) {
  const L = (t = '') => console.log(t);
  const kb = (b) => (b >= 1048576 ? `${(b / 1048576).toFixed(2)} MiB` : `${(b / 1024).toFixed(1)} KiB`);
  const s = r.sync;
  const lat = r.latency;
  const a = r.apiServer;
  const c = r.cluster;
  L();
  L(
    `=== cluster-scale benchmark ${r.date}   (${r.machine.cpus} CPUs, load average ${r.machine.loadavgAtStart.join(' ')} at start, ${r.machine.loadavgAtEnd.join(' ')} at end)`,
  );
  L(
    `cluster: ${r.expected.nodes} nodes (${r.expected.gpuNodes} GPU), ${r.expected.pods} pods expected; the cache listed ` +
      Object.entries(s.resources)
        .map(([k, v]) => `${k}=${v.objects}`)
        .join(' '),
  );
  if (r.expected.dra)
    L(
      `DRA: ${r.expected.dra.resourceSlices} ResourceSlices x ${r.expected.dra.devices / r.expected.dra.resourceSlices} devices; ${c.claims ?? '?'} ResourceClaims (${r.expected.dra.templateClaims} from templates, ${r.expected.dra.standaloneClaims} standalone), ${c.claimsAllocated ?? '?'} allocated by the scheduler; DRA objects created in ${c.draCreateS} s`,
    );
  if (c.createS)
    L(
      `cluster setup ${c.createS} s: nodes created ${c.nodesCreateS} s / Ready ${c.nodesReadyS} s; pods created ${c.podsCreateS} s / all Running ${c.podsRunningS} s; ${c.events} events (build ${c.buildId})`,
    );
  L();
  L('--- sync (from spawning `next start`)');
  L(`first /api/health answer  ${s.spawnToFirstHealthAnswerS.toFixed(2)} s (state ${s.firstHealthState})`);
  L(`synced                    ${s.spawnToSyncedS.toFixed(2)} s`);
  L(
    `LIST phase                ${s.firstHealthAnswerToLastListedS} s from the first health answer to the last listedAt (${s.procStartToLastListedS} s from the server process start)`,
  );
  L(
    'listedAt                  ' +
      Object.entries(s.resources)
        .map(([k, v]) => `${k} ${v.listedAfterSpawnS}s`)
        .join(', '),
  );
  L();
  L('--- latency, ms to the last byte (Accept-Encoding: gzip, deflate, br, like a browser); server CPU ms per request');
  const row = (name, x) =>
    x &&
    L(
      `${name.padEnd(36)} p50 ${String(x.p50).padStart(7)}  p95 ${String(x.p95).padStart(7)}  max ${String(x.max).padStart(7)}  n=${String(x.n).padEnd(4)}` +
        (x.serverCpuMsPerRequest !== undefined ? ` cpu ${x.serverCpuMsPerRequest}` : ''),
    );
  row('GET /api/pods', lat.podsSequential);
  row('GET /api/nodes', lat.nodesSequential);
  if (lat.resourceSlicesSequential) row('GET /api/resourceslices', lat.resourceSlicesSequential);
  if (lat.resourceClaimsSequential) row('GET /api/resourceclaims', lat.resourceClaimsSequential);
  row('GET /api/pods, no compression', lat.podsSequentialIdentity);
  row('GET /api/pods?namespace=bench-00', lat.podsNamespaceFiltered);
  if (lat.searchPerKeystroke) row('GET /api/search, per keystroke', lat.searchPerKeystroke);
  if (lat.healthBaseline) row('GET /api/health (baseline)', lat.healthBaseline);
  row('GET /api/pods, 10 concurrent', lat.podsConcurrent10);
  row(`GET /api/pods, ${a.sseClients} streams + churn`, lat.podsWithStreamsAndChurn);
  L(`10 concurrent clients: ${lat.podsConcurrent10.reqPerS} /api/pods answers per second in all`);
  L(
    `sizes: /api/pods ${r.sizes.pods.items} rows = ${kb(r.sizes.pods.decodedBytes)} JSON (${r.sizes.pods.bytesPerRow} B/row), ${kb(r.sizes.pods.wireBytes)} on the wire (${r.sizes.pods.encoding}); ` +
      `/api/nodes ${r.sizes.nodes.items} rows = ${kb(r.sizes.nodes.decodedBytes)} (${r.sizes.nodes.bytesPerRow} B/row), ${kb(r.sizes.nodes.wireBytes)} on the wire`,
  );
  if (r.sizes.resourceslices)
    L(
      `DRA sizes: /api/resourceslices ${r.sizes.resourceslices.items} rows (${r.sizes.resourceslices.devices} devices) = ${kb(r.sizes.resourceslices.decodedBytes)} JSON (${r.sizes.resourceslices.bytesPerRow} B/row), ${kb(r.sizes.resourceslices.wireBytes)} on the wire; ` +
        `/api/resourceclaims ${r.sizes.resourceclaims.items} rows (${r.sizes.resourceclaims.allocated} allocated, ${r.sizes.resourceclaims.reserved} reserved) = ${kb(r.sizes.resourceclaims.decodedBytes)} JSON (${r.sizes.resourceclaims.bytesPerRow} B/row), ${kb(r.sizes.resourceclaims.wireBytes)} on the wire`,
    );
  const an = r.analysis;
  if (an?.heap?.rawResourceSlicesMiB !== undefined)
    L(
      `DRA heap, rebuilt here: raw ResourceSlices ${an.heap.rawResourceSlicesMiB} MiB (${an.heap.resourceSlices}), raw ResourceClaims ${an.heap.rawResourceClaimsMiB} MiB (${an.heap.resourceClaims})`,
    );
  if (an?.heap)
    L(
      `heap held by the cache, rebuilt here: raw pods ${an.heap.rawPodsMiB} MiB (${an.heap.pods}), raw events ${an.heap.rawEventsMiB} MiB (${an.heap.events}), raw nodes ${an.heap.rawNodesMiB} MiB, ` +
        `pod rows ${an.heap.podRowsMiB} MiB + their JSON strings ${an.heap.podRowJsonStringsMiB} MiB`,
    );
  if (an)
    L(
      `cost of the /api/pods body, reproduced: JSON.stringify ${an.jsonStringifyMs} ms, joining per-row JSON ${an.joinCachedRowJsonMs} ms, ` +
        `gzip-6 ${an.gzipLevel6Ms} ms (${kb(an.gzipLevel6Bytes)}), gzip-1 ${an.gzipLevel1Ms} ms (${kb(an.gzipLevel1Bytes)}), brotli-4 ${an.brotliQ4Ms} ms (${kb(an.brotliQ4Bytes)}); labels are ${an.labelsShareOfBody}% of the JSON`,
    );
  L();
  L(`--- memory of the server process (${r.server.name}, pid ${r.server.pid})`);
  L(
    `RSS at sync ${r.memory.atSync.rssMiB} MiB, after the latency runs ${r.memory.afterLatency.rssMiB} MiB, at the end ${r.memory.atEnd.rssMiB} MiB; peak (VmHWM) ${r.memory.peakMiB} MiB` +
      (r.memory.kubeApiserver ? `   (kube-apiserver RSS ${r.memory.kubeApiserver.rssMiB} MiB)` : ''),
  );
  L();
  L(
    `--- API server requests (apiserver_request_total), ${a.rounds} x ${a.windowS} s windows each, alternating; churn ${r.churn.batch} pod relabels every ${r.churn.everyMs} ms`,
  );
  for (const x of a.windows) {
    L(
      `window ${x.label.padEnd(16)} all ${String(x.requests).padStart(5)} = heartbeats ${String(x.nodeHeartbeats).padStart(4)} + churn ${String(x.churnRequests).padStart(4)} + other ${String(x.requestsMinusHeartbeatsAndChurn).padStart(3)}` +
        `  open WATCHes ${x.openWatchesAtStart}->${x.openWatchesAtEnd}  server CPU ${x.serverCpuPercent}%  SSE pod upserts/client ${x.sse.podUpsertsMin}..${x.sse.podUpsertsMax}`,
    );
    L(`       ${''.padEnd(16)} top ${JSON.stringify(x.top)}`);
  }
  const t = (name, x) =>
    L(
      `${name.padEnd(16)} all ${String(x.requests).padStart(5)}  excl. heartbeats ${String(x.requestsMinusHeartbeats).padStart(5)}  excl. heartbeats+churn ${String(x.requestsMinusHeartbeatsAndChurn).padStart(4)}` +
        `  server CPU ${x.serverCpuPercent}%  PATCH->SSE p50/p95 ${x.sseDeliveryMs.p50}/${x.sseDeliveryMs.p95} ms`,
    );
  t('sum, 1 client', a.oneClient);
  t(`sum, ${a.sseClients} clients`, a.manyClients);
  L(
    `ratio ${a.sseClients}/1: all ${a.ratioAllRequests}, excl. node heartbeats ${a.ratioMinusHeartbeats}, excl. heartbeats+churn ${a.ratioMinusHeartbeatsAndChurn} (small counts: watch completions of any client land here)`,
  );
  L(`streams the panel reported before each window: ${a.streamsReportedByPanel.join(', ')}`);
  if (r.panelRequests.available) {
    L(
      `panel's own requests (audit log, user ${PANEL_USER}): ` +
        Object.entries(r.panelRequests.phases)
          .map(([k, v]) => `${k} ${v.requests}`)
          .join(', '),
    );
    for (const [k, v] of Object.entries(r.panelRequests.phases))
      if (k !== 'wholeRun' && v.requests) L(`  ${k}: ${JSON.stringify(v.byVerb)}`);
  }
  L();
  L('--- targets');
  for (const x of r.checks)
    L(
      `${x.pass ? 'PASS' : x.informational ? 'info' : 'FAIL'}  ${x.figure.padEnd(48)} ${String(x.value).padStart(9)} ${x.unit.padEnd(15)} target ${x.target}`,
    );
  L(`overall: ${r.pass ? 'PASS' : 'FAIL'}    JSON: ${OUT_JSON}`);
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error('[measure] failed:', e?.stack ?? e);
    process.exit(3);
  },
);
