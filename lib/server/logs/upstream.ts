import 'server-only';
import { type KubeConfig, RequestContext, HttpMethod } from '@kubernetes/client-node';
import { fetch, type Response as UndiciResponse } from 'undici';
import { fromResponse, toKubeError } from '../kube/errors';

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
export async function openPodLog(kc: KubeConfig, namespace: string, pod: string, p: PodLogParams, signal: AbortSignal): Promise<UndiciResponse> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw toKubeError(new Error('The kubeconfig has no current cluster'));
  const url = new URL(`${cluster.server.replace(/\/$/, '')}/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}/log`);
  const q: Record<string, string | number | boolean | undefined> = {
    container: p.container, follow: p.follow || undefined, timestamps: p.timestamps || undefined,
    tailLines: p.tailLines, sinceSeconds: p.sinceSeconds, sinceTime: p.sinceTime, previous: p.previous || undefined,
  };
  for (const [k, v] of Object.entries(q)) if (v !== undefined) url.searchParams.set(k, String(v));
  const ctx = new RequestContext(url.toString(), HttpMethod.GET);
  await kc.applySecurityAuthentication(ctx);
  // A non-follow answer must start within 30 s. A follow of a quiet container has no such bound:
  // the kubelet (and kwok) send the headers with the first line, as `kubectl logs -f` sees.
  const headersTimeout = p.follow ? new AbortController().signal : AbortSignal.timeout(30_000);
  const opened = new AbortController();
  const onTimeout = () => opened.abort(headersTimeout.reason);
  headersTimeout.addEventListener('abort', onTimeout);
  try {
    const res = await fetch(url, {
      headers: { ...ctx.getHeaders(), Accept: '*/*' },
      dispatcher: ctx.getDispatcher(),
      signal: AbortSignal.any([signal, opened.signal]),
    });
    if (!res.ok) throw fromResponse(res.status, await res.text());
    return res;
  } catch (e) {
    throw toKubeError(e);
  } finally {
    headersTimeout.removeEventListener('abort', onTimeout);
  }
}

/** Splits a byte stream into lines (the last one without a newline is delivered at the end). */
export async function* lines(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = '';
  for await (const chunk of body) {
    buf += decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf('\n', start)) >= 0) {
      yield buf.slice(start, nl);
      start = nl + 1;
    }
    buf = buf.slice(start);
  }
  buf += decoder.decode();
  if (buf) yield buf;
}
