import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { EventRow } from '../../views';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { VIEW_STALE_TIME, type ViewResponse } from '../view-response';
import { eventKeys } from './keys';

export type EventsData = ViewResponse<EventRow>;

/** GET /api/events: the Kubernetes events the cache holds, as EventRows. */
export function getEvents(signal?: AbortSignal): Promise<EventsData> {
  return fetchJson<EventsData>('/api/events', { signal });
}

/** The events view, kept current by the live stream. */
export function useEventsQuery<TData = EventsData>(
  options: Omit<UseQueryOptions<EventsData, ApiError, TData>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<EventsData, ApiError, TData>({
    queryKey: eventKeys.list(),
    queryFn: ({ signal }) => getEvents(signal),
    staleTime: VIEW_STALE_TIME,
    ...options,
  });
}
