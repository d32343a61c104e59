/**
 * Starts the shared watch cache when the server starts, so the first page view finds it synced.
 * Only in the Node runtime: the cache holds sockets and lives on globalThis.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.IMAGEPOD_LAZY_CACHE === '1') return;
  const { getClusterCache } = await import('./lib/server/kube/cluster-cache');
  getClusterCache();
}
