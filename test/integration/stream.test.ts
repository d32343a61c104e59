import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  createNamespace,
  eventually,
  kubectl,
  podManifest,
  readEvents,
  signIn,
  uniqueName,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: stream } = await import('@/app/api/stream/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');

const NS = uniqueName('it-stream');
const users = new TestUsers();
let cookie = '';
const request = (url: string, signal?: AbortSignal) => new NextRequest(url, { signal, headers: { cookie } });

describe('/api/stream on the devcluster', () => {
  beforeAll(async () => {
    await users.create();
    cookie = await signIn(await users.token('admin'));
    await createNamespace(NS);
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
  });
  afterAll(async () => {
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
  });

  it('sends hello, then a delta for a pod created with kubectl; closing the tab unsubscribes', async () => {
    const cache = getClusterCache();
    const before = cache.listenerCount();
    const ctrl = new AbortController();
    const res = await stream(request('http://127.0.0.1/api/stream', ctrl.signal), { params: Promise.resolve({}) });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(res.headers.get('x-accel-buffering')).toBe('no');

    const hello = await readEvents(res, (ev) => ev.some((e) => e.event === 'hello'));
    const h = hello.find((e) => e.event === 'hello')!.data as { epoch: string; revisions: Record<string, number> };
    expect(h.epoch).toBe(cache.epoch);
    expect(cache.listenerCount()).toBe(before + 1);

    const name = uniqueName('streamed');
    await apply(podManifest(name, NS, { gpus: 1 }));
    const events = await readEvents(res, (ev) =>
      ev.some(
        (e) =>
          e.event === 'delta' &&
          (e.data as { upserts: { key: string }[] }).upserts.some((u) => u.key === `${NS}/${name}`),
      ),
    );
    const delta = events.find((e) => e.event === 'delta' && (e.data as { view: string }).view === 'pods')!.data as {
      from: number;
      to: number;
      epoch: string;
    };
    expect(delta.epoch).toBe(h.epoch);
    expect(delta.to).toBeGreaterThan(delta.from);

    ctrl.abort();
    await eventually(() => cache.listenerCount() === before, 5_000, 'listener removed after abort');
  });

  it('rejects unknown query parameters', async () => {
    const res = await stream(request('http://127.0.0.1/api/stream?view=secrets'), { params: Promise.resolve({}) });
    expect(res.status).toBe(400);
  });
});
