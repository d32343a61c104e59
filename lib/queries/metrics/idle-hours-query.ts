import { keepPreviousData } from '@tanstack/react-query';
import { useQuery } from '../use-query';
import type { IdleHoursRow } from '../../metrics/idle-hours';
import { windowParams, type QueryWindow, type TimeWindow } from '../../metrics/time-range';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { metricsKeys } from './keys';

/** Idle GPU-hours by namespace and by workload, with the window and PromQL the server used. */
export interface IdleHoursAnswer extends QueryWindow {
  threshold: number;
  resolution: number;
  namespaces: IdleHoursRow[];
  workloads: IdleHoursRow[];
  truncated: boolean;
  queries: Record<string, string>;
}

export function getIdleHours(w: TimeWindow, threshold: number, signal?: AbortSignal): Promise<IdleHoursAnswer> {
  const q = new URLSearchParams({ ...windowParams(w), threshold: String(threshold) });
  return fetchJson<IdleHoursAnswer>(`/api/metrics/idle-hours?${q}`, { signal });
}

/** Idle GPU-hours over the page's window (polled like the charts). */
export function useIdleHoursQuery(w: TimeWindow, threshold: number, refreshMs: number) {
  return useQuery<IdleHoursAnswer, ApiError>({
    queryKey: metricsKeys.idleHours(w, threshold),
    queryFn: ({ signal }) => getIdleHours(w, threshold, signal),
    refetchInterval: refreshMs || false,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}
