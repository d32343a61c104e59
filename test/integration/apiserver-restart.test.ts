import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ClusterCache } from '@/lib/server/kube/cluster-cache';
import {
  cacheBehindCutter,
  REPO,
  apply,
  createNamespace,
  devKubeConfig,
  eventually,
  kubectl,
  podManifest,
  uniqueName,
} from './helpers';

const run = promisify(execFile);
const apiserver = (verb: 'stop' | 'start') => run(path.join(REPO, 'devcluster', 'apiserver.sh'), [verb]);

describe('the real API server stops and starts again', () => {
  const ns = uniqueName('it-restart');
  const cache = new ClusterCache(devKubeConfig(), 50);

  afterAll(async () => {
    await cache.stop();
    await apiserver('start');
    await kubectl(['delete', 'namespace', ns, '--wait=false']);
  });

  // apiserver.sh start waits for the whole control plane to act again (up to ~1 min).
  it(
    'reports reconnecting while it is down and recovers with the changes made since',
    { timeout: 240_000 },
    async () => {
      await createNamespace(ns);
      const before = uniqueName('before');
      await apply(podManifest(before, ns));
      cache.start();
      await eventually(() => cache.everSynced() && cache.views.pods.get(`${ns}/${before}`), 30_000, 'first sync');

      await apiserver('stop');
      await eventually(() => cache.health().state === 'reconnecting', 20_000, 'reconnecting');
      expect(cache.health().lastError).toMatch(/Cannot reach|ECONNREFUSED|aborted|refused|failed/i);
      // What the cache knew is kept (and flagged stale by the state), not thrown away.
      expect(cache.views.pods.get(`${ns}/${before}`)).toBeDefined();

      await apiserver('start');
      const after = uniqueName('after');
      await apply(podManifest(after, ns));
      await kubectl(['delete', 'pod', '-n', ns, before, '--grace-period=0', '--force']);
      await eventually(() => cache.health().state === 'synced', 60_000, 'synced again');
      await eventually(
        () => cache.views.pods.get(`${ns}/${after}`) && !cache.views.pods.get(`${ns}/${before}`),
        30_000,
        'changes since the restart',
      );
    },
  );
});

describe('a resourceVersion the API server no longer has', () => {
  it('gets 410 Gone on resume and re-LISTs, ending with exactly the cluster state', { timeout: 240_000 }, async () => {
    const ns = uniqueName('it-gone');
    await createNamespace(ns);
    const stale = uniqueName('stale');
    await apply(podManifest(stale, ns));
    const { cutter, cache } = await cacheBehindCutter();
    try {
      await eventually(() => cache.everSynced() && cache.views.pods.get(`${ns}/${stale}`), 30_000, 'first sync');
      const listedBefore = cache.health().resources.pods?.listedAt;
      await cutter.cut();
      // Changes the cache misses, then a restart: the new API server's watch cache begins after
      // them, so the cache's resourceVersion is "too old" there.
      const fresh = uniqueName('fresh');
      await apply(podManifest(fresh, ns));
      await kubectl(['delete', 'pod', '-n', ns, stale, '--grace-period=0', '--force']);
      await apiserver('stop');
      await apiserver('start');
      await cutter.open();
      await eventually(
        () => cache.health().state === 'synced' && cache.health().resources.pods?.listedAt !== listedBefore,
        60_000,
        're-LIST after 410',
      );
      await eventually(
        () => cache.views.pods.get(`${ns}/${fresh}`) && !cache.views.pods.get(`${ns}/${stale}`),
        30_000,
        'state after re-LIST',
      );
      const live = (await kubectl(['get', 'pods', '-n', ns, '-o', 'name']))
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((n) => n.replace('pod/', ''))
        .sort();
      expect(
        cache.views.pods
          .list((p) => p.namespace === ns)
          .items.map((p) => p.name)
          .sort(),
      ).toEqual(live);
    } finally {
      await cache.stop();
      await cutter.cut();
      await apiserver('start');
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});
