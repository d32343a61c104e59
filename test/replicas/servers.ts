/**
 * Several panel servers at once, as the cluster runs replicas: each one the production build
 * (`node .next/standalone/server.js`, what the image runs) on its own loopback port, all with the
 * same sealing secret, against the devcluster. Start them, wait until ready, `kill9` one (no
 * shutdown of any kind), `restart` it on the same port, sign in with a token, call routes;
 * `stopAll` in afterAll. `npx next build` must have run (scripts/test.sh does it first).
 *
 *   const [a, b] = await startServers([3410, 3411]);
 *   const cookie = await signIn(a, token);
 *   expect((await call(b, '/api/health', { cookie })).status).toBe(200);
 *   await kill9(a); await restart(a);
 *   afterAll(stopAll);
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KUBECONFIG, REPO, eventually, kubectl } from '../integration/helpers';

const STANDALONE = path.join(REPO, '.next', 'standalone');

/** One sealing secret for every server of this test run: a session opens on any of them. */
export const SESSION_SECRET = randomBytes(36).toString('base64url');

export interface ServerOptions {
  /** Loopback port (each test file has its own range). */
  port: number;
  /** The panel's own kubeconfig (default: the devcluster's, cluster admin: local mode). */
  kubeconfig?: string;
  /** Default: SESSION_SECRET, shared by every server. */
  sessionSecret?: string;
  /** More environment (IMAGEPOD_* settings). */
  env?: Record<string, string>;
  /** How long to wait for /api/readyz (default 90 s). */
  readyTimeoutMs?: number;
}

export interface PanelServer {
  readonly name: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly options: ServerOptions;
  /** The running process; replaced by `restart`. */
  proc: ChildProcess;
  /** The last lines it printed (stdout and stderr), for a failure's message. */
  output: string[];
}

const MAX_OUTPUT_LINES = 400;
const running = new Set<PanelServer>();

/**
 * Checks that the standalone build exists and gives it its static assets: `next build` leaves
 * .next/static beside, not inside, .next/standalone (scripts/demo.sh copies them the same way).
 */
export function prepareStandalone(): void {
  if (!existsSync(path.join(STANDALONE, 'server.js')))
    throw new Error(`${STANDALONE}/server.js is missing: run \`npx next build\` first`);
  // Copied again after every build: the chunks' names change with it.
  const buildId = readFileSync(path.join(REPO, '.next', 'BUILD_ID'), 'utf8').trim();
  const staticDir = path.join(STANDALONE, '.next', 'static');
  const marker = path.join(staticDir, '.copied-from-build');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== buildId) {
    rmSync(staticDir, { recursive: true, force: true });
    cpSync(path.join(REPO, '.next', 'static'), staticDir, { recursive: true });
    writeFileSync(marker, buildId);
  }
  const pub = path.join(REPO, 'public');
  if (existsSync(pub) && !existsSync(path.join(STANDALONE, 'public')))
    cpSync(pub, path.join(STANDALONE, 'public'), { recursive: true });
}

function spawnServer(s: PanelServer): ChildProcess {
  const o = s.options;
  const proc = spawn(process.execPath, [path.join(STANDALONE, 'server.js')], {
    cwd: STANDALONE,
    // Only what a server needs: not the test runner's environment (NODE_ENV=test, VITEST...).
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(s.port),
      HOSTNAME: '127.0.0.1',
      KUBECONFIG: o.kubeconfig ?? KUBECONFIG,
      IMAGEPOD_SESSION_SECRET: o.sessionSecret ?? SESSION_SECRET,
      // Every test signs in often; the limit itself has its own integration test.
      IMAGEPOD_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
      POD_NAME: s.name,
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line) s.output.push(line);
    if (s.output.length > MAX_OUTPUT_LINES) s.output.splice(0, s.output.length - MAX_OUTPUT_LINES);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return proc;
}

const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;

/** Resolves once the process has exited (at once if it has). */
function exit(p: ChildProcess): Promise<void> {
  return exited(p) ? Promise.resolve() : new Promise((resolve) => p.once('exit', () => resolve()));
}

/** Waits until the server answers /api/readyz with 200 (its watch cache has listed everything). */
export async function waitReady(s: PanelServer, timeoutMs = s.options.readyTimeoutMs ?? 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < end) {
    if (exited(s.proc))
      throw new Error(`${s.name} exited (${s.proc.exitCode ?? s.proc.signalCode}):\n${s.output.slice(-40).join('\n')}`);
    try {
      const res = await fetch(`${s.url}/api/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${s.name} not ready after ${timeoutMs} ms (${last}):\n${s.output.slice(-40).join('\n')}`);
}

/** Starts one server and waits until it is ready. */
export async function startServer(options: ServerOptions): Promise<PanelServer> {
  prepareStandalone();
  const s: PanelServer = {
    name: `panel-${options.port}`,
    port: options.port,
    url: `http://127.0.0.1:${options.port}`,
    options,
    proc: undefined as unknown as ChildProcess,
    output: [],
  };
  s.proc = spawnServer(s);
  running.add(s);
  await waitReady(s);
  return s;
}

/** Starts one server per port (at once), with the same options otherwise. */
export async function startServers(ports: number[], options: Omit<ServerOptions, 'port'> = {}): Promise<PanelServer[]> {
  return Promise.all(ports.map((port) => startServer({ ...options, port })));
}

/** Kills the server with SIGKILL — no shutdown hook, no flush — and waits until it is gone. */
export async function kill9(s: PanelServer): Promise<void> {
  if (!exited(s.proc)) s.proc.kill('SIGKILL');
  await exit(s.proc);
}

/** Starts a stopped (or killed) server again on its port with its options; waits until ready. */
export async function restart(s: PanelServer): Promise<PanelServer> {
  if (!exited(s.proc)) await kill9(s);
  s.output.push(`---- restart of ${s.name} ----`);
  s.proc = spawnServer(s);
  running.add(s);
  await waitReady(s);
  return s;
}

/** Where each server's output is written when it stops: .test-reports/replicas/<name>.log. */
export const LOG_DIR = path.join(REPO, '.test-reports', 'replicas');

/**
 * Stops every server this module started (SIGTERM, then SIGKILL after 5 s) and writes each one's
 * last output to LOG_DIR. For afterAll.
 */
export async function stopAll(): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  await Promise.all(
    [...running].map(async (s) => {
      running.delete(s);
      writeFileSync(path.join(LOG_DIR, `${s.name}.log`), s.output.join('\n') + '\n');
      if (exited(s.proc)) return;
      s.proc.kill('SIGTERM');
      const timer = setTimeout(() => s.proc.kill('SIGKILL'), 5_000);
      await exit(s.proc);
      clearTimeout(timer);
    }),
  );
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or `{ raw }` for anything else. */
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

/**
 * One request to a server. A write carries the server's own Origin (as the panel's pages do)
 * unless `headers` says otherwise; `body` is sent as JSON, `rawBody` as it is.
 */
export async function call(
  s: PanelServer,
  pathname: string,
  opts: { method?: string; cookie?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const method = opts.method ?? (opts.body !== undefined || opts.rawBody !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = {};
  if (method !== 'GET' && method !== 'HEAD') headers.origin = s.url;
  if (opts.body !== undefined || opts.rawBody !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  Object.assign(headers, opts.headers);
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  const res = await fetch(`${s.url}${pathname}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    redirect: 'manual',
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = text ? (JSON.parse(text) as Answer['body']) : {};
  } catch {
    body = { raw: text };
  }
  return { status: res.status, headers: res.headers, body };
}

/** One Server-Sent Event. */
export interface SseEvent {
  event: string;
  data: unknown;
  /** When it arrived (performance.now()). */
  at: number;
}

/**
 * A GET of an event stream (/api/stream, /api/logs...), read in the background: `events` fills
 * as they arrive; `waitFor` resolves with the first one that matches. `close` aborts it.
 */
export async function openEvents(
  s: PanelServer,
  pathname: string,
  cookie: string,
): Promise<{
  status: number;
  events: SseEvent[];
  waitFor: (match: (e: SseEvent) => boolean, ms?: number) => Promise<SseEvent>;
  close: () => void;
}> {
  const abort = new AbortController();
  const res = await fetch(`${s.url}${pathname}`, { headers: { cookie }, signal: abort.signal });
  const events: SseEvent[] = [];
  let ended = false;
  const read = async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buf = '';
    try {
      const reader = res.body.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        buf += decoder.decode(r.value, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined)
            events.push({ event, data: JSON.parse(data) as unknown, at: performance.now() });
        }
      }
    } catch {
      // aborted, or the server went away
    } finally {
      ended = true;
    }
  };
  void read();
  const waitFor = async (match: (e: SseEvent) => boolean, ms = 15_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const hit = events.find(match);
      if (hit) return hit;
      if (ended || Date.now() > end)
        throw new Error(
          `no matching event on ${s.name} ${pathname} (${ended ? 'stream ended' : `${ms} ms`}); got ${events.map((e) => e.event).join(',')}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { status: res.status, events, waitFor, close: () => abort.abort() };
}

/** Signs in on a server with a bearer token (POST /api/auth/login); returns the Cookie header value. */
export async function signIn(s: PanelServer, token: string): Promise<string> {
  const res = await call(s, '/api/auth/login', { body: { token } });
  if (res.status !== 200) throw new Error(`sign-in on ${s.name} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const set = res.headers.getSetCookie().find((c) => !/Max-Age=0/.test(c));
  if (!set) throw new Error(`no session cookie from ${s.name}: ${JSON.stringify(res.headers.getSetCookie())}`);
  return set.split(';')[0]!;
}

const PANEL_NS = 'imagepod-system';
const PANEL_SA = 'imagepod-dashboard';
const DASHBOARD = path.join(REPO, 'manifests', 'dashboard');

/**
 * The panel's identity as it is in a cluster: applies manifests/dashboard's namespace,
 * ServiceAccount, RBAC and revocation list, and writes a kubeconfig that acts with a token of
 * that ServiceAccount (so the servers have exactly the rights rbac.yaml grants, not the
 * devcluster's admin). `remove` deletes what was not there before.
 */
export async function panelIdentity(): Promise<{ kubeconfig: string; remove: () => Promise<void> }> {
  const has = async (args: string[]) => (await kubectl([...args, '--ignore-not-found', '-o', 'name'])).trim() !== '';
  // A namespace still Terminating from an earlier run refuses new objects: wait it out.
  await eventually(
    async () =>
      (await kubectl(['get', 'namespace', PANEL_NS, '--ignore-not-found', '-o', 'jsonpath={.status.phase}'])).trim() !==
      'Terminating',
    120_000,
    `namespace ${PANEL_NS} deleted`,
  );
  const hadNs = await has(['get', 'namespace', PANEL_NS]);
  const hadBinding = await has(['get', 'clusterrolebinding', 'imagepod-dashboard']);
  const hadList = hadNs && (await has(['get', 'configmap', 'imagepod-dashboard-revocations', '-n', PANEL_NS]));
  const files = ['namespace.yaml', 'serviceaccount.yaml', 'rbac.yaml', 'revocations.yaml'];
  await kubectl(['apply', ...files.flatMap((f) => ['-f', path.join(DASHBOARD, f)])]);
  const token = (await kubectl(['create', 'token', PANEL_SA, '-n', PANEL_NS, '--duration=2h'])).trim();
  const cluster = JSON.parse(await kubectl(['config', 'view', '--raw', '--minify', '-o', 'json'])) as {
    clusters: { name: string; cluster: Record<string, unknown> }[];
  };
  mkdirSync(LOG_DIR, { recursive: true });
  const kubeconfig = path.join(LOG_DIR, 'panel-sa.kubeconfig');
  writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'devcluster', cluster: cluster.clusters[0]!.cluster }],
      users: [{ name: PANEL_SA, user: { token } }],
      contexts: [{ name: PANEL_SA, context: { cluster: 'devcluster', user: PANEL_SA } }],
      'current-context': PANEL_SA,
    }),
    { mode: 0o600 },
  );
  return {
    kubeconfig,
    remove: async () => {
      if (!hadBinding)
        await kubectl([
          'delete',
          'clusterrolebinding/imagepod-dashboard',
          'clusterrole/imagepod-dashboard',
          '--ignore-not-found',
        ]);
      if (!hadBinding)
        await kubectl([
          'delete',
          '-n',
          'imagepod',
          'rolebinding/imagepod-dashboard-audit',
          'role/imagepod-dashboard-audit',
          '--ignore-not-found',
        ]);
      if (!hadNs) {
        await kubectl(['delete', 'namespace', PANEL_NS, '--ignore-not-found', '--wait=false']);
        return;
      }
      if (!hadList)
        await kubectl(['delete', 'configmap/imagepod-dashboard-revocations', '-n', PANEL_NS, '--ignore-not-found']);
      if (!hadBinding)
        await kubectl([
          'delete',
          '-n',
          PANEL_NS,
          'serviceaccount/imagepod-dashboard',
          'rolebinding/imagepod-dashboard-revocations',
          'role/imagepod-dashboard-revocations',
          '--ignore-not-found',
        ]);
    },
  };
}
