/**
 * At server start (Node runtime only: the cache holds sockets and lives on globalThis): prints the
 * local-mode sign-in link when the panel runs outside a cluster, starts reading the cluster's list
 * of signed-out sessions (sign-out on any replica holds on this one), and starts the shared watch
 * cache so the first page view finds it synced.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { announceLocalLogin } = await import('./lib/server/auth/local-login');
  announceLocalLogin();
  const { startRevocationSync } = await import('./lib/server/auth/revocations');
  const { closeSessionChannels } = await import('./lib/server/stream/channels');
  startRevocationSync((sids) => {
    for (const sid of sids) closeSessionChannels(sid);
  });
  if (process.env.IMAGEPOD_LAZY_CACHE === '1') return;
  const { getClusterCache } = await import('./lib/server/kube/cluster-cache');
  getClusterCache();
}
