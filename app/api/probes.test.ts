import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';

// The probes are the only routes without login: they must say whether the process is alive and
// whether the cache is synced, and nothing about the cluster.
const cache = { everSynced: vi.fn(() => false), unsyncedSince: vi.fn((): number | null => null) };
vi.mock('@/lib/server/kube/cluster-cache', () => ({ getClusterCache: () => cache }));

const { GET: healthz } = await import('./healthz/route');
const { GET: readyz } = await import('./readyz/route');

const call = async (h: typeof healthz, url: string) => {
  const res = await h(new NextRequest(new URL(url, 'http://127.0.0.1')), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as unknown, cache: res.headers.get('cache-control') };
};

describe('probe routes', () => {
  // Braces matter: a function returned from beforeEach would run as a teardown.
  beforeEach(() => {
    cache.everSynced.mockReset();
    cache.unsyncedSince.mockReset();
    cache.unsyncedSince.mockReturnValue(null);
    delete process.env.IMAGEPOD_READY_GRACE_S;
  });

  it('healthz answers ok whatever the cache state', async () => {
    cache.everSynced.mockReturnValue(false);
    expect(await call(healthz, '/api/healthz')).toEqual({ status: 200, body: { status: 'ok' }, cache: 'no-store' });
  });

  it('readyz is 503 until the first LIST completes, then 200, with nothing else in the body', async () => {
    cache.everSynced.mockReturnValue(false);
    expect(await call(readyz, '/api/readyz')).toEqual({
      status: 503,
      body: { status: 'not ready' },
      cache: 'no-store',
    });
    cache.everSynced.mockReturnValue(true);
    expect(await call(readyz, '/api/readyz')).toEqual({ status: 200, body: { status: 'ready' }, cache: 'no-store' });
  });

  it('readyz stays 200 through a reconnect within the grace (IMAGEPOD_READY_GRACE_S), 503 after it', async () => {
    cache.everSynced.mockReturnValue(true);
    const ready = { status: 200, body: { status: 'ready' }, cache: 'no-store' };
    const notReady = { status: 503, body: { status: 'not ready' }, cache: 'no-store' };
    // Default grace: 30 s.
    cache.unsyncedSince.mockReturnValue(Date.now() - 20_000);
    expect(await call(readyz, '/api/readyz')).toEqual(ready);
    cache.unsyncedSince.mockReturnValue(Date.now() - 40_000);
    expect(await call(readyz, '/api/readyz')).toEqual(notReady);
    // Read on every probe.
    process.env.IMAGEPOD_READY_GRACE_S = '60';
    expect(await call(readyz, '/api/readyz')).toEqual(ready);
    process.env.IMAGEPOD_READY_GRACE_S = '5';
    cache.unsyncedSince.mockReturnValue(Date.now() - 6_000);
    expect(await call(readyz, '/api/readyz')).toEqual(notReady);
    // Synced again: ready again.
    cache.unsyncedSince.mockReturnValue(null);
    expect(await call(readyz, '/api/readyz')).toEqual(ready);
  });

  it('readyz hides the reason when the cache cannot even be built', async () => {
    cache.everSynced.mockImplementation(() => {
      throw new Error('connect ECONNREFUSED 10.0.0.1:443 token=secret');
    });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await call(readyz, '/api/readyz');
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.1|secret/);
  });

  it('rejects query parameters with a 400', async () => {
    expect((await call(healthz, '/api/healthz?verbose=1')).status).toBe(400);
    expect((await call(readyz, '/api/readyz?verbose=1')).status).toBe(400);
  });
});
