/**
 * Helpers of the adversarial suite (hostile input on every route, the RBAC matrix): the route
 * table found from the filesystem, a route call that can neither hang nor read a stream forever,
 * and a digest of everything the panel can write in the cluster.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isApiErrorCode } from '@/lib/error-codes';
import { REPO, kubectl, type RouteHandler } from './helpers';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

/** One route file: its URL pattern (`/api/nodes/[name]`), its dynamic segments and its handlers. */
export interface RouteEntry {
  file: string;
  pattern: string;
  params: string[];
  handlers: Partial<Record<Method, RouteHandler>>;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? routeFiles(p) : d.name === 'route.ts' ? [p] : [];
  });
}

/** Every route file under app/api, imported, with every HTTP method it exports. */
export async function loadRoutes(): Promise<RouteEntry[]> {
  const appDir = path.join(REPO, 'app');
  const out: RouteEntry[] = [];
  for (const file of routeFiles(path.join(appDir, 'api')).sort()) {
    const pattern = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Partial<Record<Method, RouteHandler>>;
    const handlers: Partial<Record<Method, RouteHandler>> = {};
    for (const m of METHODS) if (typeof mod[m] === 'function') handlers[m] = mod[m];
    const params = [...pattern.matchAll(/\[([^\]]+)\]/g)].map((x) => x[1]!);
    out.push({ file, pattern, params, handlers });
  }
  return out;
}

/** The URL of a pattern with its segments filled in (encoded, as a browser sends them). */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[([^\]]+)\]/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
}

export interface HostileRequest {
  method: Method;
  /** Path and query, e.g. `/api/pods?namespace=x`. */
  url: string;
  params: Record<string, string>;
  cookie?: string;
  /** Sent as is; `contentType` defaults to application/json when there is a body. */
  rawBody?: string;
  contentType?: string;
}

export interface HostileAnswer {
  status: number;
  contentType: string;
  /** The parsed JSON body, when the answer is JSON. */
  json: unknown;
  /** A stream whose first bytes arrived (then it was aborted). */
  streamed: boolean;
  ms: number;
  /** Set when the call did not answer in time (a hang) or threw (the handler must never throw). */
  failure?: string;
}

/**
 * Calls a handler as the panel's page would (same-origin writes), with a deadline: the handler
 * must answer, and a stream must send its first bytes, within `timeoutMs`. A stream is then
 * aborted, as a browser leaving does. A handler that throws instead of answering is a failure.
 */
export async function hostileCall(
  handler: RouteHandler,
  r: HostileRequest,
  timeoutMs = 15_000,
): Promise<HostileAnswer> {
  const { NextRequest } = await import('next/server');
  const headers: Record<string, string> = { host: '127.0.0.1' };
  if (r.method !== 'GET') headers.origin = 'http://127.0.0.1';
  if (r.rawBody !== undefined) headers['content-type'] = r.contentType ?? 'application/json';
  if (r.cookie) headers.cookie = r.cookie;
  const abort = new AbortController();
  const t0 = performance.now();
  const ms = () => Math.round(performance.now() - t0);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const base = { status: 0, contentType: '', json: undefined, streamed: false };
  try {
    const req = new NextRequest(new URL(r.url, 'http://127.0.0.1'), {
      method: r.method,
      headers,
      body: r.rawBody,
      signal: abort.signal,
    });
    const res = await Promise.race([handler(req, { params: Promise.resolve(r.params) }), deadline]);
    const contentType = res.headers.get('content-type') ?? '';
    const stream = contentType.startsWith('text/event-stream') || contentType.startsWith('text/plain');
    if (stream && res.body) {
      const reader = res.body.getReader();
      const first = await Promise.race([reader.read(), deadline]);
      abort.abort();
      await reader.cancel().catch(() => undefined);
      return { ...base, status: res.status, contentType, streamed: !first.done, ms: ms() };
    }
    const text = await Promise.race([res.text(), deadline]);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { ...base, status: res.status, contentType, json, ms: ms() };
  } catch (e) {
    abort.abort();
    return { ...base, ms: ms(), failure: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

/** Why an answer is not a clear 4xx nor a correct 2xx (null when it is one). */
export function answerProblem(a: HostileAnswer, opts: { redirects?: boolean } = {}): string | null {
  if (a.failure) return a.failure;
  if (a.status >= 200 && a.status < 300) {
    if (a.contentType.startsWith('application/json') && a.json === undefined) return `${a.status} with a non-JSON body`;
    return null;
  }
  if (a.status >= 300 && a.status < 400) return opts.redirects ? null : `unexpected redirect ${a.status}`;
  if (a.status >= 400 && a.status < 500) {
    const code = (a.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    if (!isApiErrorCode(code?.code)) return `${a.status} without a known error code`;
    if (typeof code?.message !== 'string' || !code.message) return `${a.status} without a message`;
    return null;
  }
  return `status ${a.status}`;
}

/**
 * What the panel can write: its own writes (nodes, workloads) and every kind of the bundled stack.
 * Events are left out on purpose: the panel's audit trail writes them (counted separately).
 */
export const WRITABLE_KINDS = [
  'namespaces',
  'nodes',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'jobs.batch',
  'cronjobs.batch',
  'services',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'persistentvolumeclaims',
  'ingresses.networking.k8s.io',
  'networkpolicies.networking.k8s.io',
  'roles.rbac.authorization.k8s.io',
  'rolebindings.rbac.authorization.k8s.io',
  'clusterroles.rbac.authorization.k8s.io',
  'clusterrolebindings.rbac.authorization.k8s.io',
];

interface KubeItem {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    deletionTimestamp?: string;
    resourceVersion?: string;
    managedFields?: unknown;
    generation?: number;
  };
  status?: unknown;
}

/**
 * One hash per object the panel can write (status, resourceVersion, managedFields and generation
 * left out: controllers and kubelets move those without anyone writing). Objects in `exclude`
 * namespaces and anything being deleted (another test's leftovers finishing) are left out.
 */
export async function clusterDigest(exclude: ReadonlySet<string>): Promise<Map<string, string>> {
  const list = JSON.parse(await kubectl(['get', WRITABLE_KINDS.join(','), '-A', '-o', 'json'])) as {
    items: KubeItem[];
  };
  const terminating = new Set(
    list.items.filter((o) => o.kind === 'Namespace' && o.metadata.deletionTimestamp).map((o) => o.metadata.name),
  );
  const out = new Map<string, string>();
  for (const o of list.items) {
    const ns = o.kind === 'Namespace' ? o.metadata.name : o.metadata.namespace;
    if (ns && (exclude.has(ns) || terminating.has(ns))) continue;
    if (o.metadata.deletionTimestamp) continue;
    const copy = structuredClone(o);
    delete copy.status;
    delete copy.metadata.resourceVersion;
    delete copy.metadata.managedFields;
    delete copy.metadata.generation;
    // The suite signs throwaway sessions out (see adversarial-models.ts): their ids landing in the
    // list of signed-out sessions is what those requests are for. The object itself is compared.
    if (o.kind === 'ConfigMap' && o.metadata.name === 'imagepod-dashboard-revocations')
      delete (copy as { data?: unknown }).data;
    const hash = createHash('sha256').update(JSON.stringify(copy)).digest('hex');
    out.set(`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`, hash);
  }
  return out;
}

/** The keys added, removed or changed from `a` to `b`. */
export function digestDiff(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [k, v] of a)
    if (!b.has(k)) out.push(`removed ${k}`);
    else if (b.get(k) !== v) out.push(`changed ${k}`);
  for (const k of b.keys()) if (!a.has(k)) out.push(`added ${k}`);
  return out;
}

/** How many Events the namespace holds (the audit trail's growth during a run). */
export async function eventCount(ns: string): Promise<number> {
  return (JSON.parse(await kubectl(['get', 'events', '-n', ns, '-o', 'json'])) as { items: unknown[] }).items.length;
}
