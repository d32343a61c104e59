/** The watch cache's health as the server reports it and pages show it. */
export type SyncState = 'starting' | 'synced' | 'reconnecting' | 'failed';

export interface ResourceHealth {
  state: SyncState;
  objects: number;
  lastError: string | null;
  /** When this resource last completed a LIST (ISO time). */
  listedAt: string | null;
  /** When the state last changed (ISO time). */
  since: string;
}

export interface CacheHealth {
  /** The worst state over all resources. */
  state: SyncState;
  lastError: string | null;
  since: string;
  server: string | null;
  resources: Record<string, ResourceHealth>;
}

const ORDER: SyncState[] = ['synced', 'starting', 'reconnecting', 'failed'];

/** The worst of several states: failed > reconnecting > starting > synced. */
export function worstState(states: SyncState[]): SyncState {
  return states.reduce<SyncState>((a, b) => (ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a), 'synced');
}
