/**
 * /api/readyz on the devcluster: 200 with the process's own cache once it is synced; and, with a
 * cache whose connections go through a forwarder the test cuts (the real API server keeps
 * serving everyone else), still 200 during the grace, 503 once the cache has been out of sync for
 * longer than IMAGEPOD_READY_GRACE_S, 200 again when it has caught up.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterCache } from '@/lib/server/kube/cluster-cache';
import { KUBECONFIG, type ApiCutter, cacheBehindCutter, callRoute, eventually } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;
const GRACE_MS = 3000;
process.env.IMAGEPOD_READY_GRACE_S = String(GRACE_MS / 1000);

const { GET: readyz } = await import('@/app/api/readyz/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
/** The process's one cache, as getClusterCache() keeps it; the second test puts its own there. */
const g = globalThis as typeof globalThis & { __imagepodClusterCache?: ClusterCache };
const probe = () => callRoute<{ status: string }>(readyz, '/api/readyz');

describe('readiness follows the watch cache', () => {
  let cut: { cutter: ApiCutter; cache: ClusterCache } | null = null;

  afterAll(async () => {
    await cut?.cache.stop();
    await cut?.cutter.cut();
    await g.__imagepodClusterCache?.stop();
    delete g.__imagepodClusterCache;
  });

  it('is 200 once the process cache has synced with the devcluster', async () => {
    getClusterCache();
    const res = await eventually(
      async () => {
        const r = await probe();
        return r.status === 200 ? r : null;
      },
      30_000,
      'readyz 200',
    );
    expect(res.body).toEqual({ status: 'ready' });
    expect(getClusterCache().unsyncedSince()).toBeNull();
    await getClusterCache().stop();
    delete g.__imagepodClusterCache;
  });

  it(
    'stays 200 through the grace when the cache loses the API server, 503 after it, 200 when it is back',
    { timeout: 120_000 },
    async () => {
      cut = await cacheBehindCutter();
      const { cutter, cache } = cut;
      g.__imagepodClusterCache = cache;
      await eventually(() => cache.everSynced() && cache.health().state === 'synced', 30_000, 'synced');
      expect((await probe()).status).toBe(200);

      await cutter.cut();
      const lost = await eventually(() => cache.unsyncedSince(), 20_000, 'the cache notices the cut');
      expect(cache.health().state).not.toBe('synced');
      // A brief reconnect does not make the replica unready...
      expect(Date.now() - lost).toBeLessThan(GRACE_MS - 1000);
      expect((await probe()).status).toBe(200);
      // ...a longer one does, and not before the grace is over.
      const unready = await eventually(
        async () => ((await probe()).status === 503 ? Date.now() : null),
        GRACE_MS + 10_000,
        'readyz 503',
      );
      expect(unready - lost).toBeGreaterThan(GRACE_MS);
      expect((await probe()).body).toEqual({ status: 'not ready' });

      await cutter.open();
      await eventually(async () => (await probe()).status === 200, 60_000, 'readyz 200 again');
      expect(cache.unsyncedSince()).toBeNull();
      expect(cache.health().state).toBe('synced');
    },
  );
});
