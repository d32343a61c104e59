import 'server-only';

const DEFAULT_GRACE_S = 30;

/** What readiness is decided on: the cache's `everSynced()` and `unsyncedSince()`. */
export interface SyncFacts {
  everSynced: boolean;
  /** Since when (epoch ms) the cache has not been synced without a break; null while it is. */
  unsyncedSince: number | null;
}

/**
 * How long the watch cache may be out of sync before the replica reports not ready:
 * IMAGEPOD_READY_GRACE_S seconds (default 30), read on every probe; a value that is not a
 * number ≥ 0 is ignored.
 */
export function readyGraceMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.IMAGEPOD_READY_GRACE_S?.trim();
  const s = raw ? Number(raw) : NaN;
  return (Number.isFinite(s) && s >= 0 ? s : DEFAULT_GRACE_S) * 1000;
}

/**
 * Ready when the cache has listed every resource once and is synced now, or lost its sync no
 * longer than `graceMs` ago. The grace keeps a brief reconnect (a watch cut, an API server
 * restart) from taking every replica out of the Service at once; a replica that stays cut off
 * goes unready, and when all of them lose the API server they all do — the cluster is then not
 * shown by any of them. Pure.
 */
export function isReady(s: SyncFacts, now: number, graceMs: number): boolean {
  if (!s.everSynced) return false;
  return s.unsyncedSince === null || now - s.unsyncedSince <= graceMs;
}
