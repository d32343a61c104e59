import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type EventsData = ViewData<'events'>;

/** GET /api/events: the Kubernetes events the cache holds, as EventRows, with the view revision and cache health. */
export function getEvents(signal?: AbortSignal): Promise<EventsData> {
  return getView('events', signal);
}

/** The events view, kept current by the live stream (never refetched on a timer). */
export function useEventsQuery<TData = EventsData>(options: ViewQueryOptions<'events', TData> = {}) {
  return useViewQuery('events', options);
}
