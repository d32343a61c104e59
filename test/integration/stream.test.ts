import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { KUBECONFIG, apply, createNamespace, eventually, kubectl, podManifest, uniqueName } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: stream } = await import('@/app/api/stream/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');

/** Reads SSE events from a Response body until `until` returns true for the events so far. */
async function readEvents(res: Response, until: (events: { event: string; data: unknown }[]) => boolean, ms = 20_000) {
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

const NS = uniqueName('it-stream');

describe('/api/stream on the devcluster', () => {
  beforeAll(async () => {
    await createNamespace(NS);
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
  });

  it('sends hello, then a delta for a pod created with kubectl; closing the tab unsubscribes', async () => {
    const cache = getClusterCache();
    const before = cache.listenerCount();
    const ctrl = new AbortController();
    const res = await stream(new NextRequest('http://127.0.0.1/api/stream', { signal: ctrl.signal }), { params: Promise.resolve({}) });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');

    const hello = await readEvents(res, (ev) => ev.some((e) => e.event === 'hello'));
    const h = hello.find((e) => e.event === 'hello')!.data as { epoch: string; revisions: Record<string, number> };
    expect(h.epoch).toBe(cache.epoch);
    expect(cache.listenerCount()).toBe(before + 1);

    const name = uniqueName('streamed');
    await apply(podManifest(name, NS, { gpus: 1 }));
    const events = await readEvents(res, (ev) => ev.some((e) => e.event === 'delta'
      && (e.data as { upserts: { key: string }[] }).upserts.some((u) => u.key === `${NS}/${name}`)));
    const delta = events.find((e) => e.event === 'delta' && (e.data as { view: string }).view === 'pods')!.data as { from: number; to: number; epoch: string };
    expect(delta.epoch).toBe(h.epoch);
    expect(delta.to).toBeGreaterThan(delta.from);

    ctrl.abort();
    await eventually(() => cache.listenerCount() === before, 5_000, 'listener removed after abort');
  });

  it('rejects unknown query parameters', async () => {
    const res = await stream(new NextRequest('http://127.0.0.1/api/stream?view=secrets'), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
  });
});
