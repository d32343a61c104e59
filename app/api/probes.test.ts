import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NextRequest } from 'next/server';

// The probes are the only routes without login: they must say whether the process is alive and
// whether the cache has synced, and nothing about the cluster.
const cache = { everSynced: vi.fn(() => false) };
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
