/**
 * At server start (Node runtime only: the cache holds sockets and lives on globalThis): prints the
 * local-mode sign-in link when the panel runs outside a cluster, and starts the shared watch
 * cache so the first page view finds it synced.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { announceLocalLogin } = await import('./lib/server/auth/local-login');
  announceLocalLogin();
  if (process.env.IMAGEPOD_LAZY_CACHE === '1') return;
  const { getClusterCache } = await import('./lib/server/kube/cluster-cache');
  getClusterCache();
}
