'use client';

import { useCallback } from 'react';
import { foldEvents, type FoldedEvent } from '@/lib/object-events';
import { ApiError } from '@/lib/queries/api-error';
import { useEventsQuery, type EventsData } from '@/lib/queries/events/events-query';
import { loadError } from '../feedback/query-states';

/**
 * The folded events of one namespaced object from the cached events view (no request of its own):
 * undefined while loading, null when the user may not list events.
 */
export function useObjectEvents(kind: string, namespace: string, name: string): FoldedEvent[] | null | undefined {
  const select = useCallback(
    (d: EventsData) => foldEvents(d.items, { kind, namespace, name }),
    [kind, namespace, name],
  );
  const q = useEventsQuery({ select });
  const err = loadError(q);
  return q.data ?? (err instanceof ApiError && err.status === 403 ? null : undefined);
}
