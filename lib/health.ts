/** The watch cache's health as the server reports it and pages show it. */
export type SyncState = 'starting' | 'synced' | 'reconnecting' | 'failed' | 'not-served';

export interface ResourceHealth {
  /**
   * `not-served`: the API server does not serve the resource's group (an optional group such as
   * resource.k8s.io on a cluster without Dynamic Resource Allocation). A fact about the cluster,
   * not a fault: the resource is empty and re-checked slowly, never retried in a loop.
   */
  state: SyncState;
  /** Objects held; null for a user who may not list nodes (the size of the cluster is not theirs to see). */
  objects: number | null;
  lastError: string | null;
  /** When this resource last completed a LIST (ISO time). */
  listedAt: string | null;
  /** When the state last changed (ISO time). */
  since: string;
}

export interface CacheHealth {
  /** The worst state over all resources; a resource that is not served counts as synced. */
  state: SyncState;
  lastError: string | null;
  since: string;
  /** The API server's URL; null for a user who may not list nodes. */
  server: string | null;
  resources: Record<string, ResourceHealth>;
}

const ORDER: SyncState[] = ['synced', 'starting', 'reconnecting', 'failed'];

/**
 * The worst of several states: failed > reconnecting > starting > synced. `not-served` ranks as
 * synced: a cluster without an optional API group is fully mirrored when the rest is.
 */
export function worstState(states: SyncState[]): SyncState {
  return states.reduce<SyncState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'synced');
}

/** The resources (cache names) the cluster does not serve, sorted. */
export function notServedResources(health: CacheHealth | undefined): string[] {
  if (!health) return [];
  return Object.entries(health.resources)
    .filter(([, r]) => r.state === 'not-served')
    .map(([n]) => n)
    .sort();
}

/**
 * The health as a user who may not list nodes is told it: every state, time and error (pages
 * flag stale data and not-served groups for everyone), but not the API server's address (also
 * scrubbed from error messages) nor how many objects the cluster holds.
 */
export function withoutClusterFacts(h: CacheHealth): CacheHealth {
  const secrets: string[] = [];
  if (h.server) {
    secrets.push(h.server);
    try {
      const host = new URL(h.server).host;
      if (host) secrets.push(host);
    } catch {
      // Not a URL: the string itself is all there is to hide.
    }
  }
  const scrub = (m: string | null) => (m === null ? m : secrets.reduce((t, x) => t.split(x).join('the API server'), m));
  return {
    ...h,
    server: null,
    lastError: scrub(h.lastError),
    resources: Object.fromEntries(
      Object.entries(h.resources).map(([n, r]) => [n, { ...r, objects: null, lastError: scrub(r.lastError) }]),
    ),
  };
}
