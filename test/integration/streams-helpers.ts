import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import type { ClusterCache } from '@/lib/server/kube/cluster-cache';
import { apply, eventually, kubectl, kubectlJson, podManifest, type RouteHandler } from './helpers';

/** A CRI line stamped now, as kwok serves it (`F`: a full line; `P`: part of one, no newline). */
export const cri = (text: string, tag: 'F' | 'P' = 'F', at = new Date()) =>
  `${at.toISOString()} stdout ${tag} ${text}\n`;

/**
 * A running pod whose `kubectl logs` reads the file `<dir>/<name>.log` through a kwok Logs object;
 * resolves once the panel's cache has it Running and kwok serves the file. Returns the file.
 */
export async function logPod(
  cache: () => ClusterCache,
  ns: string,
  dir: string,
  name: string,
  content = '',
  labels: Record<string, string> = {},
): Promise<string> {
  const file = path.join(dir, `${name}.log`);
  writeFileSync(file, content);
  writeFileSync(`${file}.previous`, '');
  await apply({
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Logs',
    metadata: { name, namespace: ns },
    spec: { logs: [{ containers: ['main'], logsFile: file, previousLogsFile: `${file}.previous`, follow: true }] },
  });
  await apply(podManifest(name, ns, { labels }));
  await eventually(
    async () =>
      (await kubectlJson<{ status: { phase: string } }>(['get', 'pod', name, '-n', ns])).status.phase === 'Running',
    60_000,
    `${name} running`,
  );
  await eventually(
    () => cache().everSynced() && cache().views.pods.get(`${ns}/${name}`)?.phase === 'Running',
    30_000,
    `${name} cached`,
  );
  await eventually(
    async () => {
      await kubectl(['logs', '-n', ns, name, '--tail=1']);
      return true;
    },
    30_000,
    `${name} logs served`,
  );
  return file;
}

/** A request as the panel's page sends it, with the session cookie and an abort signal. */
export function pageRequest(
  url: string,
  cookie: string,
  signal?: AbortSignal,
  init: { method?: string; body?: unknown } = {},
): NextRequest {
  const headers: Record<string, string> = { host: '127.0.0.1', cookie };
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    headers.origin = 'http://127.0.0.1';
  }
  return new NextRequest(new URL(url, 'http://127.0.0.1'), {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    signal,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/**
 * Calls a route and aborts the request `afterMs` later, as a browser that leaves while the route
 * prepares its answer; the response is never read. Resolves once the handler returned, with its
 * status and whether it answered before the client left.
 */
export async function abortMidOpen(handler: RouteHandler, req: (s: AbortSignal) => NextRequest, afterMs: number) {
  const ctrl = new AbortController();
  const t0 = Date.now();
  const t = setTimeout(() => ctrl.abort(), afterMs);
  const res = await handler(req(ctrl.signal), { params: Promise.resolve({}) });
  // An answer before the abort: the client still leaves at `afterMs`, without reading a byte.
  const answeredFirst = !ctrl.signal.aborted;
  const left = afterMs - (Date.now() - t0);
  if (left > 0) await new Promise((r) => setTimeout(r, left));
  clearTimeout(t);
  ctrl.abort();
  return { status: res.status, answeredFirst };
}

/** SSE events of a response, read as they come (until `until` holds, the stream ends or `ms` pass). */
export class EventReader {
  private buf = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  readonly events: { event: string; data: unknown }[] = [];
  ended = false;
  constructor(res: Response) {
    this.reader = res.body!.getReader();
  }

  async until(pred: (r: EventReader) => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this)) {
      const left = deadline - Date.now();
      if (left <= 0 || this.ended)
        throw new Error(`${this.ended ? 'stream ended' : 'timed out'} waiting for ${what}; got ${this.names()}`);
      const r = await Promise.race([this.reader.read(), new Promise<null>((res) => setTimeout(() => res(null), left))]);
      if (r === null) continue;
      if (r.done) {
        this.ended = true;
        continue;
      }
      this.buf += this.decoder.decode(r.value, { stream: true });
      let i: number;
      while ((i = this.buf.indexOf('\n\n')) >= 0) {
        const block = this.buf.slice(0, i);
        this.buf = this.buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) this.events.push({ event, data: JSON.parse(data) });
      }
    }
  }

  names(): string {
    return this.events.map((e) => e.event).join(',');
  }

  find(event: string): unknown {
    return this.events.find((e) => e.event === event)?.data;
  }

  cancel(): void {
    void this.reader.cancel().catch(() => undefined);
  }
}
