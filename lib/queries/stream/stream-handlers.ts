/**
 * What each live-stream event does to the react-query cache. Kept apart from the EventSource so
 * the rules (patch, ignore, or refetch once) are unit-tested against a real QueryClient.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { CacheHealth } from '../../health';
import { applyViewDelta } from '../../view-delta';
import type { Row, ViewDelta, ViewName } from '../../views';
import { auditKeys, isAuditEventKey } from '../audit/keys';
import { healthKeys } from '../health/keys';
import { VIEW_NAMES, type ViewResponse } from '../view-response';
import type { HelloMessage } from './stream-messages';
import { viewQueryKey } from '../view-keys';

/** Refetch without cancelling a fetch already in flight: that fetch is at least as new. */
const KEEP_IN_FLIGHT = { cancelRefetch: false } as const;

function invalidateView(qc: QueryClient, view: ViewName): Promise<void> {
  return qc.invalidateQueries({ queryKey: viewQueryKey(view), exact: true }, KEEP_IN_FLIGHT);
}

/**
 * `hello`: store the health, then refetch each cached view the server has moved past: another
 * epoch (the server restarted and counts revisions afresh) or an older revision (changes were
 * missed while disconnected). A cached revision ahead of the hello is a fetch that raced ahead
 * of the stream, not a miss. A view without data (never loaded, or failed) is refetched too,
 * which is how an error state recovers after a restart. Returns the views it invalidated.
 */
export function handleHello(qc: QueryClient, hello: HelloMessage): ViewName[] {
  qc.setQueryData(healthKeys.all, hello.health);
  const invalidated: ViewName[] = [];
  for (const view of VIEW_NAMES) {
    const key = viewQueryKey(view);
    const state = qc.getQueryState<ViewResponse<Row>>(key);
    if (state === undefined) continue;
    const rev = hello.revisions[view];
    const data = state.data;
    const current = data !== undefined && data.epoch === hello.epoch && (rev === undefined || data.revision >= rev);
    if (current) {
      qc.setQueryData<ViewResponse<Row>>(key, { ...data, health: hello.health });
      continue;
    }
    invalidated.push(view);
    void invalidateView(qc, view);
  }
  return invalidated;
}

export type DeltaResult = 'applied' | 'stale' | 'gap' | 'uncached';

/**
 * `delta`: patch the cached view in place (and refresh the audit trail when one of its records arrives). A view nobody has loaded is left alone (its first
 * fetch will be current); a gap (changes missed, or another epoch) refetches that view once.
 */
export function handleDelta(qc: QueryClient, delta: ViewDelta<Row>): DeltaResult {
  // A new audit record: the Audit page (if open) asks for the trail again.
  if (delta.view === 'events' && delta.upserts.some((r) => isAuditEventKey(r.key))) {
    void qc.invalidateQueries({ queryKey: auditKeys.all }, KEEP_IN_FLIGHT);
  }
  const key = viewQueryKey(delta.view);
  const cached = qc.getQueryData<ViewResponse<Row>>(key);
  if (cached === undefined) return 'uncached';
  const outcome = applyViewDelta(cached, delta);
  if (outcome.kind === 'applied') {
    qc.setQueryData<ViewResponse<Row>>(key, { ...outcome.list, health: cached.health });
  } else if (outcome.kind === 'gap') {
    void invalidateView(qc, delta.view);
  }
  return outcome.kind;
}

/**
 * `health`: replace the health everywhere it is cached. Views that have no data because their
 * fetch failed (503 before the cache first synced) are refetched: a health change is the
 * server's signal that a view may be readable now, so the error state recovers without polling.
 */
export function handleHealth(qc: QueryClient, health: CacheHealth): void {
  qc.setQueryData(healthKeys.all, health);
  for (const view of VIEW_NAMES) {
    const key = viewQueryKey(view);
    const state = qc.getQueryState<ViewResponse<Row>>(key);
    if (state === undefined) continue;
    if (state.data !== undefined) {
      qc.setQueryData<ViewResponse<Row>>(key, { ...state.data, health });
    } else if (state.status === 'error') {
      void invalidateView(qc, view);
    }
  }
}
