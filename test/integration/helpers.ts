/**
 * Helpers for integration tests against the real devcluster (devcluster/up.sh must have run;
 * .ci/run and `npm test` start it). Changes to the cluster go through the real kubectl.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterCache } from '@/lib/server/kube/cluster-cache';

const run = promisify(execFile);
export const REPO = path.resolve(__dirname, '../..');
export const KUBECONFIG = process.env.KUBECONFIG ?? path.join(REPO, '.devcluster', 'kubeconfig');

/** Runs the devcluster's kubectl; stdin optional; returns stdout. */
export async function kubectl(args: string[], stdin?: string): Promise<string> {
  const p = run(path.join(REPO, 'devcluster', 'kubectl.sh'), args, {
    env: { ...process.env, KUBECONFIG },
    maxBuffer: 64 << 20,
  });
  if (stdin !== undefined) {
    p.child.stdin?.end(stdin);
  }
  return (await p).stdout;
}

export async function kubectlJson<T>(args: string[]): Promise<T> {
  return JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
}

export async function apply(manifest: object): Promise<void> {
  await kubectl(['apply', '-f', '-'], JSON.stringify(manifest));
}

export function devKubeConfig(): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromFile(KUBECONFIG);
  return kc;
}

/** A name unique to this run, so tests never collide with each other or with leftovers. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(3).toString('hex')}`;
}

/** Polls until `fn` returns a truthy value (or throws with the last seen value after `ms`). */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  ms = 15_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A pod manifest for kwok nodes, optionally requesting GPUs and pinned to a node. */
export function podManifest(
  name: string,
  ns: string,
  opts: { gpus?: number; node?: string; labels?: Record<string, string> } = {},
) {
  const resources = opts.gpus
    ? { requests: { 'nvidia.com/gpu': String(opts.gpus) }, limits: { 'nvidia.com/gpu': String(opts.gpus) } }
    : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, labels: { test: 'integration', ...opts.labels } },
    spec: {
      containers: [{ name: 'main', image: 'registry.local/sleep:1', resources }],
      ...(opts.node ? { nodeSelector: { 'kubernetes.io/hostname': opts.node } } : {}),
    },
  };
}

/**
 * A TCP forwarder on loopback in front of the API server. Closing it cuts every connection, as
 * a network failure would, while the real API server keeps serving kubectl: the way to prove
 * that a client catches up on changes it could not see.
 */
export class ApiCutter {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port), this.target.hostname);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const s = this.server;
    this.server = null;
    for (const sock of this.sockets) sock.destroy();
    await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }

  /** A copy of the devcluster's kubeconfig that goes through this forwarder. */
  kubeConfig(): KubeConfig {
    const kc = devKubeConfig();
    const cluster = kc.getCurrentCluster()!;
    const clusters = kc.clusters.map((c) =>
      c.name === cluster.name ? { ...c, server: `https://127.0.0.1:${this.port}` } : c,
    );
    const out = new KubeConfig();
    out.loadFromOptions({ clusters, users: kc.users, contexts: kc.contexts, currentContext: kc.currentContext });
    return out;
  }
}

/**
 * Creates a namespace with its default ServiceAccount (pods are refused without it). The
 * controller-manager would create it, but after an API-server restart its informers can lag for
 * tens of seconds, so the test creates it itself when it is not there yet.
 */
export async function createNamespace(ns: string): Promise<void> {
  await kubectl(['create', 'namespace', ns]);
  await kubectl(['create', 'serviceaccount', 'default', '-n', ns]).catch((e: Error) => {
    if (!/already exists/i.test(e.message)) throw e;
  });
}

/** A started ClusterCache whose every connection goes through an ApiCutter the test controls. */
export async function cacheBehindCutter(): Promise<{ cutter: ApiCutter; cache: ClusterCache }> {
  const cutter = new ApiCutter(new URL(devKubeConfig().getCurrentCluster()!.server));
  await cutter.open();
  const cache = new ClusterCache(cutter.kubeConfig(), 50);
  cache.start();
  return { cutter, cache };
}

type Seg = { params: Promise<unknown> };
export type RouteHandler = (r: import('next/server').NextRequest, s: Seg) => Promise<Response>;
export interface RouteAnswer<B = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: B & { error?: { code: string; message: string; field?: string } };
}

/**
 * Calls a route handler as the panel's own page would: same-origin (Origin = the host), JSON body,
 * with the session cookie when given. `headers` adds or overrides (e.g. a foreign Origin).
 */
export async function callRoute<B = Record<string, unknown>>(
  handler: RouteHandler,
  url: string,
  opts: {
    method?: string;
    cookie?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<RouteAnswer<B>> {
  const { NextRequest } = await import('next/server');
  const method = opts.method ?? (opts.body !== undefined || opts.rawBody !== undefined ? 'POST' : 'GET');
  const headers: Record<string, string> = { host: '127.0.0.1' };
  if (method !== 'GET') headers.origin = 'http://127.0.0.1';
  if (opts.body !== undefined || opts.rawBody !== undefined) headers['content-type'] = 'application/json';
  if (opts.cookie) headers.cookie = opts.cookie;
  Object.assign(headers, opts.headers);
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  const req = new NextRequest(new URL(url, 'http://127.0.0.1'), {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { raw: text };
  }
  return { status: res.status, headers: res.headers, body: body as RouteAnswer<B>['body'] };
}

/** The `name=value` part of a Set-Cookie header, for sending back as Cookie. */
export function cookieFrom(headers: Headers): string {
  const set = headers.getSetCookie().find((c) => !/Max-Age=0/.test(c));
  if (!set) throw new Error(`no session cookie in ${JSON.stringify(headers.getSetCookie())}`);
  return set.split(';')[0]!;
}

/**
 * Test identities: ServiceAccounts in one namespace — `admin` bound to cluster-admin, `viewer` to
 * the built-in `view` ClusterRole, `nobody` to nothing — and short-lived tokens for them.
 */
/**
 * The RBAC matrix's users, one ServiceAccount each in a namespace of their own: `admin`
 * (cluster-admin), `viewer` (cluster `view`), `nobody` (no rights), `teamViewer` (`view` in
 * `teamA` only) and `teamEditor` (`edit` in `teamB` only). Both team namespaces start empty.
 */
export class TestUsers {
  readonly ns = uniqueName('it-users');
  readonly teamA = `${this.ns}-team-a`;
  readonly teamB = `${this.ns}-team-b`;
  private bindings: string[] = [];

  async create(): Promise<void> {
    await createNamespace(this.ns);
    await createNamespace(this.teamA);
    await createNamespace(this.teamB);
    for (const [sa, role] of [
      ['admin', 'cluster-admin'],
      ['viewer', 'view'],
      ['nobody', null],
    ] as const) {
      await kubectl(['create', 'serviceaccount', sa, '-n', this.ns]);
      if (role) {
        const binding = `${this.ns}-${sa}`;
        await kubectl([
          'create',
          'clusterrolebinding',
          binding,
          `--clusterrole=${role}`,
          `--serviceaccount=${this.ns}:${sa}`,
        ]);
        this.bindings.push(binding);
      }
    }
    for (const [sa, role, namespace] of [
      ['teamViewer', 'view', this.teamA],
      ['teamEditor', 'edit', this.teamB],
    ] as const) {
      const name = sa.toLowerCase();
      await kubectl(['create', 'serviceaccount', name, '-n', this.ns]);
      await kubectl([
        'create',
        'rolebinding',
        name,
        `--clusterrole=${role}`,
        `--serviceaccount=${this.ns}:${name}`,
        '-n',
        namespace,
      ]);
    }
  }

  async token(sa: TestUser, duration = '1h'): Promise<string> {
    return (await kubectl(['create', 'token', sa.toLowerCase(), '-n', this.ns, `--duration=${duration}`])).trim();
  }

  username(sa: string): string {
    return `system:serviceaccount:${this.ns}:${sa.toLowerCase()}`;
  }

  async remove(): Promise<void> {
    for (const b of this.bindings) await kubectl(['delete', 'clusterrolebinding', b, '--ignore-not-found']);
    for (const n of [this.ns, this.teamA, this.teamB]) await kubectl(['delete', 'namespace', n, '--wait=false']);
  }
}

export type TestUser = 'admin' | 'viewer' | 'nobody' | 'teamViewer' | 'teamEditor';

/** Signs in through the real login route with a token; returns the Cookie header value. */
export async function signIn(token: string): Promise<string> {
  const { POST } = await import('@/app/api/auth/login/route');
  const res = await callRoute(POST, '/api/auth/login', { body: { token } });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return cookieFrom(res.headers);
}

/** Reads SSE events from a Response body until `until` returns true for the events so far. */
export async function readEvents(
  res: Response,
  until: (events: { event: string; data: unknown }[]) => boolean,
  ms = 20_000,
) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: unknown }[] = [];
  let buf = '';
  const deadline = Date.now() + ms;
  while (!until(events)) {
    if (Date.now() > deadline) throw new Error(`no matching event; got ${events.map((e) => e.event).join(',')}`);
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) });
    }
  }
  reader.releaseLock();
  return events;
}

/** Hands the devcluster's Released pool volumes back (see devcluster/recycle-volumes.sh). */
export async function recycleVolumes(): Promise<void> {
  await run(path.join(REPO, 'devcluster', 'recycle-volumes.sh'), [], { env: { ...process.env, KUBECONFIG } });
}

/**
 * Removes whatever an earlier run left in the stack's namespace: the bundle's objects (not the
 * namespace, which holds the audit trail), claims, secrets' volumes, settings and the run record.
 */
export async function clearStack(): Promise<void> {
  const built = await kubectl(['kustomize', `${REPO}/manifests/imagepod`]);
  const docs = built.split(/^---$/m).filter((d) => d.trim() && !/^kind: Namespace$/m.test(d));
  await kubectl(['delete', '--ignore-not-found', '--wait=true', '--timeout=120s', '-f', '-'], docs.join('\n---\n'));
  await kubectl([
    'delete',
    'pvc,configmap,resourcequota',
    '--all',
    '-n',
    'imagepod',
    '--ignore-not-found',
    '--wait=true',
    '--timeout=60s',
  ]);
  await recycleVolumes();
}
