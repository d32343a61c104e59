'use client';

import { useCallback } from 'react';
import { foldEvents, type FoldedEvent, type InvolvedObject } from '@/lib/object-events';
import { ApiError } from '@/lib/queries/api-error';
import { useEventsQuery, type EventsData } from '@/lib/queries/events/events-query';
import type { EventRow } from '@/lib/views';
import { loadError } from '../feedback/query-states';

const none = () => false;

/**
 * The folded events of one object (and of the objects `related` accepts) from the live events
 * view: no request of its own. Undefined while loading, null when the user may not list events.
 * `related` must be stable (memoised) or the selection is recomputed every render.
 */
export function useObjectEvents(
  o: InvolvedObject,
  related: (e: EventRow) => boolean = none,
): FoldedEvent[] | null | undefined {
  const { kind, name, namespace } = o;
  const select = useCallback(
    (d: EventsData) => foldEvents(d.items, { kind, name, ...(namespace === undefined ? {} : { namespace }) }, related),
    [kind, name, namespace, related],
  );
  const q = useEventsQuery({ select });
  const error = loadError(q);
  return q.data ?? (error instanceof ApiError && error.status === 403 ? null : undefined);
}
