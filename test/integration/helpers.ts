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
  const p = run(path.join(REPO, 'devcluster', 'kubectl.sh'), args, { env: { ...process.env, KUBECONFIG }, maxBuffer: 64 << 20 });
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
export async function eventually<T>(fn: () => T | Promise<T>, ms = 15_000, what = 'condition'): Promise<NonNullable<T>> {
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
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A pod manifest for kwok nodes, optionally requesting GPUs and pinned to a node. */
export function podManifest(name: string, ns: string, opts: { gpus?: number; node?: string; labels?: Record<string, string> } = {}) {
  const resources = opts.gpus ? { requests: { 'nvidia.com/gpu': String(opts.gpus) }, limits: { 'nvidia.com/gpu': String(opts.gpus) } } : {};
  return {
    apiVersion: 'v1', kind: 'Pod',
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
        s.on('error', () => { client.destroy(); upstream.destroy(); });
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
    const clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, server: `https://127.0.0.1:${this.port}` } : c));
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
