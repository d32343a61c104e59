/**
 * The live stream's connection as the top bar shows it, combined with the cache health the
 * server reports. Pure: the transitions and the wording are unit-tested.
 */
import { backoffDelay, RECONNECT_POLICY } from '../../backoff';
import { notServedResources, type CacheHealth } from '../../health';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting';

export interface StreamConnection {
  status: StreamStatus;
  /** When the status last changed (ms since epoch); for reconnecting, when the connection dropped. */
  since: number;
  /** Failed connection attempts since the last successful one. */
  attempts: number;
}

export const INITIAL_CONNECTION: StreamConnection = { status: 'connecting', since: 0, attempts: 0 };

/** Next state after the stream opened. */
export function connectionOpened(_prev: StreamConnection, now: number): StreamConnection {
  return { status: 'open', since: now, attempts: 0 };
}

/** Next state after an error: the drop time is kept across repeated failed attempts. */
export function connectionLost(prev: StreamConnection, now: number): StreamConnection {
  if (prev.status === 'reconnecting') return { ...prev, attempts: prev.attempts + 1 };
  return {
    status: 'reconnecting',
    since: prev.status === 'open' ? now : prev.since || now,
    attempts: prev.attempts + 1,
  };
}

/** Delay before re-creating an EventSource the browser gave up on (1 s doubling to 30 s). */
export function reconnectDelay(attempts: number): number {
  return backoffDelay(attempts - 1, RECONNECT_POLICY);
}

export type CacheStateKind = 'connecting' | 'starting' | 'synced' | 'reconnecting' | 'failed';

export interface CacheState {
  kind: CacheStateKind;
  /** Short label for the pill ("Synced", "Reconnecting", …). */
  label: string;
  /** One sentence: what the operator is looking at. */
  detail: string;
  /** When the shown data was last known current (ISO or ms), for stale states. */
  staleSince: string | number | null;
  /** True when the page shows data that may no longer match the cluster. */
  stale: boolean;
}

/**
 * What the top bar says. The stream being down wins over a "synced" health (that health is
 * itself last known); a failed cache wins over everything, with the server's error.
 */
export function describeCacheState(conn: StreamConnection, health: CacheHealth | undefined): CacheState {
  if (health?.state === 'failed') {
    return {
      kind: 'failed',
      label: 'Failed',
      stale: true,
      staleSince: health.since,
      detail: `The watch cache failed: ${health.lastError ?? 'unknown error'}`,
    };
  }
  if (conn.status === 'reconnecting') {
    return {
      kind: 'reconnecting',
      label: 'Reconnecting',
      stale: true,
      staleSince: conn.since,
      detail: 'Lost the live connection to the panel; showing last known state',
    };
  }
  if (health?.state === 'reconnecting') {
    return {
      kind: 'reconnecting',
      label: 'Reconnecting',
      stale: true,
      staleSince: health.since,
      detail: `The panel lost its watch on Kubernetes${health.lastError ? ` (${health.lastError})` : ''}; showing last known state`,
    };
  }
  if (conn.status === 'connecting' || health === undefined) {
    return {
      kind: 'connecting',
      label: 'Connecting',
      stale: false,
      staleSince: null,
      detail: 'Connecting to the live stream',
    };
  }
  if (health.state === 'starting') {
    return {
      kind: 'starting',
      label: 'Syncing',
      stale: false,
      staleSince: null,
      detail: 'The panel is loading the cluster state',
    };
  }
  const absent = notServedResources(health);
  // Said plainly, not as a fault: the cluster has no such API (e.g. no Dynamic Resource Allocation).
  const note = absent.length ? `; not served by this cluster: ${absent.join(', ')}` : '';
  return {
    kind: 'synced',
    label: 'Synced',
    stale: false,
    staleSince: null,
    detail: `Live: changes in the cluster appear as they happen${note}`,
  };
}
