import 'server-only';
import { type KubeConfig, RequestContext, HttpMethod } from '@kubernetes/client-node';
import { fetch } from 'undici';
import { fromResponse, toKubeError } from './errors';

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned (default 30 s). */
  timeoutMs?: number;
}

/**
 * A raw JSON request to the API server with the KubeConfig's credentials and TLS settings —
 * the same way client-node's Watch authenticates. Used where plain JSON is wanted (the cache
 * keeps wire-format objects; the generated clients would turn timestamps into Dates).
 * Throws a KubeError for any failure.
 */
export async function kubeRequest<T>(kc: KubeConfig, apiPath: string, req: KubeRequest = {}): Promise<T> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw toKubeError(new Error('The kubeconfig has no current cluster'));
  const url = new URL(cluster.server.replace(/\/$/, '') + apiPath);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  const method = req.method ?? 'GET';
  const ctx = new RequestContext(url.toString(), HttpMethod[method]);
  await kc.applySecurityAuthentication(ctx);
  const headers: Record<string, string> = { ...ctx.getHeaders(), Accept: 'application/json' };
  if (req.body !== undefined) headers['Content-Type'] = req.contentType ?? 'application/json';
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 30_000);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const res = await fetch(url, {
      method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      dispatcher: ctx.getDispatcher(),
      signal,
    });
    const text = await res.text();
    if (!res.ok) throw fromResponse(res.status, text);
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
  apiPath: string,
  query: Record<string, string | number | boolean | undefined>,
  handlers: { onEvent: (e: WatchEvent) => void; onOpen?: () => void },
  opts: { signal: AbortSignal; idleTimeoutMs: number },
): Promise<void> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw toKubeError(new Error('The kubeconfig has no current cluster'));
  const url = new URL(cluster.server.replace(/\/$/, '') + apiPath);
  url.searchParams.set('watch', 'true');
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  const idle = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const poke = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(new DOMException('watch idle', 'TimeoutError')), opts.idleTimeoutMs);
    timer.unref();
  };
  poke();
  try {
    const res = await fetch(url, {
      headers: { ...ctx.getHeaders(), Accept: 'application/json' },
      dispatcher: ctx.getDispatcher(),
      signal: AbortSignal.any([opts.signal, idle.signal]),
    });
    if (!res.ok) throw fromResponse(res.status, await res.text());
    handlers.onOpen?.();
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buf = '';
    for await (const chunk of res.body) {
      poke();
      buf += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line) handlers.onEvent(JSON.parse(line) as WatchEvent);
      }
    }
  } catch (e) {
    if (opts.signal.aborted) return;
    throw toKubeError(e);
  } finally {
    clearTimeout(timer);
  }
}
