import 'server-only';
import { type KubeConfig, RequestContext, HttpMethod } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';
import { fetch, type Dispatcher, type Response as UndiciResponse } from 'undici';
import { RESOURCES, apiPrefix, resourceOf, type ResourceType } from '../../kube-resources';
import type { PanelFieldManager } from '../../field-manager/field-manager';
import { fromResponse, toKubeError } from './errors';

/**
 * The one way the panel talks to the API server: every JSON call, watch and log stream opens its
 * request here, with the KubeConfig's cluster, credentials and TLS settings (the way client-node's
 * Watch authenticates). Raw requests rather than the generated clients: the cache keeps
 * wire-format objects, and the generated clients would turn timestamps into Dates.
 */

type Query = Record<string, string | number | boolean | undefined>;

interface Open {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** One dispatcher (connection pool) per TLS identity; a handful at most (the cluster's CA, a client certificate). */
const dispatchers = new Map<string, Dispatcher>();
const MAX_DISPATCHERS = 16;

/**
 * The connection pool for a kubeconfig's TLS settings. client-node makes a new one for every
 * request, so every request opened a new TLS connection, and each pool's memory lingered until
 * collected (RSS grew by tens of MiB under a flood). Requests differ by their headers (the bearer
 * token), not by their TLS settings, so they share one pool per server, CA and client certificate.
 * A user whose credentials come from a plugin (exec, auth-provider) keeps client-node's own.
 */
function sharedDispatcher(kc: KubeConfig, fresh: Dispatcher | undefined): Dispatcher | undefined {
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster || !fresh || user?.exec || user?.authProvider) return fresh;
  const key = createHash('sha256')
    .update(
      JSON.stringify([
        cluster.server,
        cluster.caData,
        cluster.caFile,
        cluster.skipTLSVerify,
        cluster.tlsServerName,
        user?.certData,
        user?.certFile,
        user?.keyData,
        user?.keyFile,
      ]),
    )
    .digest('hex');
  const known = dispatchers.get(key);
  if (known) {
    void fresh.close().catch(() => undefined);
    return known;
  }
  if (dispatchers.size >= MAX_DISPATCHERS) {
    // Not closed: requests still on it (a watch) finish on it; it is collected after them.
    dispatchers.delete(dispatchers.keys().next().value as string);
  }
  dispatchers.set(key, fresh);
  return fresh;
}

/**
 * Opens one request and returns the response once the API server has answered 2xx; any other
 * answer becomes a KubeError carrying the API server's Status. Callers map what they catch with
 * `toKubeError` (network failures, aborts).
 */
async function open(kc: KubeConfig, apiPath: string, o: Open): Promise<UndiciResponse> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw toKubeError(new Error('The kubeconfig has no current cluster'));
  const url = new URL(cluster.server.replace(/\/$/, '') + apiPath);
  for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const method = o.method ?? 'GET';
  const ctx = new RequestContext(url.toString(), HttpMethod[method]);
  await kc.applySecurityAuthentication(ctx);
  const res = await fetch(url, {
    method,
    headers: { ...ctx.getHeaders(), ...o.headers },
    body: o.body,
    dispatcher: sharedDispatcher(kc, ctx.getDispatcher() as Dispatcher | undefined),
    signal: o.signal,
  });
  if (!res.ok) throw fromResponse(res.status, await res.text());
  return res;
}

/**
 * An API path from its fixed prefix and its variable segments, each segment encoded (a name may
 * hold characters a URL gives meaning to). Every path the panel builds goes through here.
 */
function apiPath(prefix: string, ...segments: string[]): string {
  return [prefix.replace(/\/$/, ''), ...segments.map(encodeURIComponent)].join('/');
}

/** Where a resource's collection (no name) or one object is, e.g. `/apis/apps/v1/namespaces/ns/deployments/web`. */
export function resourcePath(
  t: ResourceType,
  at: { namespace?: string; name?: string; subresource?: string } = {},
): string {
  const ns = t.namespaced && at.namespace !== undefined ? ['namespaces', at.namespace] : [];
  const name = at.name !== undefined ? [at.name] : [];
  return apiPath(apiPrefix(t), ...ns, t.plural, ...name, ...(at.subresource ? [at.subresource] : []));
}

/**
 * The URL of an object by its own apiVersion and kind (a namespaced object without a namespace is
 * in `default`, as kubectl applies it). An object of a kind the table lacks is a bug: it throws.
 */
export function objectPath(o: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}): string {
  const t = resourceOf(o.apiVersion, o.kind);
  if (!t) throw new Error(`the panel does not know kind ${o.kind} of ${o.apiVersion}`);
  return resourcePath(t, { namespace: o.metadata.namespace ?? 'default', name: o.metadata.name });
}

interface KubeRequestBase {
  query?: Query;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned (default 30 s). */
  timeoutMs?: number;
}

/**
 * One JSON request. A write names the panel's field manager for what it does
 * (lib/field-manager): the compiler refuses a PATCH or PUT without one, so no write goes out
 * under the HTTP client's default name. A POST that stores nothing (a review) says `null`.
 */
export type KubeRequest = KubeRequestBase &
  (
    | { method?: 'GET' | 'DELETE'; fieldManager?: never }
    | { method: 'PATCH' | 'PUT' | 'POST'; fieldManager: PanelFieldManager }
    | { method: 'POST'; fieldManager: null }
  );

/** A JSON request to the API server. Throws a KubeError for any failure. */
export async function kubeRequest<T>(kc: KubeConfig, path: string, req: KubeRequest = {}): Promise<T> {
  if ((req.method === 'PATCH' || req.method === 'PUT') && !req.fieldManager)
    throw new Error(`a write to ${path} without the panel's field manager`);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = req.contentType ?? 'application/json';
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const res = await open(kc, path, {
      method: req.method,
      query: req.fieldManager ? { ...req.query, fieldManager: req.fieldManager } : req.query,
      headers,
      signal,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
    });
    const text = await res.text();
    return (text ? JSON.parse(text) : null) as T;
  } catch (e) {
    throw toKubeError(e);
  }
}

/** One line of a watch stream. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: unknown;
}

/**
 * A WATCH request: calls `onEvent` per line until the server ends the stream (resolves) or the
 * connection fails (rejects with a KubeError). `onOpen` runs once the API server has accepted
 * the watch. An inactivity timer (reset by every byte) catches a silently dead connection;
 * bookmarks keep a healthy idle watch above it.
 */
export async function kubeWatch(
  kc: KubeConfig,
  path: string,
  query: Query,
  handlers: { onEvent: (e: WatchEvent) => void; onOpen?: () => void },
  opts: { signal: AbortSignal; idleTimeoutMs: number },
): Promise<void> {
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new DOMException('watch idle', 'TimeoutError')), opts.idleTimeoutMs);
    timer.unref();
  };
  poke();
  try {
    const res = await open(kc, path, {
      query: { watch: 'true', ...query },
      headers: { Accept: 'application/json' },
      signal: AbortSignal.any([opts.signal, idle.signal]),
    });
    handlers.onOpen?.();
    if (!res.body) return;
    // A line cut off by the end of the stream is not an event: only whole lines are parsed.
    for await (const raw of lines(res.body, { onChunk: poke, partialLast: false })) {
      const line = raw.trim();
      if (line) handlers.onEvent(JSON.parse(line) as WatchEvent);
    }
  } catch (e) {
    if (opts.signal.aborted) return;
    throw toKubeError(e);
  } finally {
    clearTimeout(timer);
  }
}

export interface PodLogParams {
  container?: string;
  follow?: boolean;
  timestamps?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  sinceTime?: string;
  previous?: boolean;
}

/**
 * Opens `GET …/pods/<pod>/log` with the given credentials (the user's: Kubernetes RBAC on
 * `pods/log` decides) and returns the streaming response once the API server has answered 200.
 * Throws a KubeError (403, 404, 400 "container not found", network) otherwise.
 */
export async function openPodLog(
  kc: KubeConfig,
  namespace: string,
  pod: string,
  p: PodLogParams,
  signal: AbortSignal,
): Promise<UndiciResponse> {
  const query: Query = {
    container: p.container,
    follow: p.follow || undefined,
    timestamps: p.timestamps || undefined,
    tailLines: p.tailLines,
    sinceSeconds: p.sinceSeconds,
    sinceTime: p.sinceTime,
    previous: p.previous || undefined,
  };
  // A non-follow answer must start within 30 s. A follow of a quiet container has no such bound:
  // the kubelet (and kwok) send the headers with the first line, as `kubectl logs -f` sees.
  const headersTimeout = p.follow ? new AbortController().signal : AbortSignal.timeout(30_000);
  const opened = new AbortController();
  const onTimeout = () => opened.abort(headersTimeout.reason);
  headersTimeout.addEventListener('abort', onTimeout);
  try {
    return await open(kc, resourcePath(RESOURCES.pods, { namespace, name: pod, subresource: 'log' }), {
      query,
      headers: { Accept: '*/*' },
      signal: AbortSignal.any([signal, opened.signal]),
    });
  } catch (e) {
    throw toKubeError(e);
  } finally {
    headersTimeout.removeEventListener('abort', onTimeout);
  }
}

/** A log line longer than this many characters is cut (a container that never prints a newline). */
export const MAX_LOG_LINE_CHARS = 64 * 1024;

/** What replaces the rest of a line cut at `max` characters, so the reader sees that it was cut. */
export function cutMarker(max: number): string {
  return ` … [line cut: longer than ${max >= 1024 ? `${Math.round(max / 1024)} KiB` : `${max} characters`}]`;
}

/**
 * Splits a byte stream into lines. The last one without a newline is delivered at the end unless
 * `partialLast` is false; `onChunk` runs for every chunk received (an inactivity timer's reset).
 * With `maxChars`, a longer line is delivered cut at that bound with `cutMarker` appended as soon
 * as the bound is reached, and the rest of it, up to its newline, is skipped: what is held stays
 * under `maxChars` plus one chunk however long the line (a log that never prints a newline).
 */
export async function* lines(
  body: AsyncIterable<Uint8Array>,
  opts: { onChunk?: () => void; partialLast?: boolean; maxChars?: number } = {},
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  const max = opts.maxChars ?? Infinity;
  const cut = (line: string) => (line.length > max ? line.slice(0, max) + cutMarker(max) : line);
  let buf = '';
  // True while the rest of a line already delivered cut is being skipped.
  let skipping = false;
  for await (const chunk of body) {
    opts.onChunk?.();
    buf += decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf('\n', start)) >= 0) {
      if (skipping) skipping = false;
      else yield cut(buf.slice(start, nl));
      start = nl + 1;
    }
    buf = buf.slice(start);
    if (buf.length > max) {
      if (!skipping) yield cut(buf);
      skipping = true;
      buf = '';
    }
  }
  buf += decoder.decode();
  if (buf && !skipping && opts.partialLast !== false) yield cut(buf);
}
