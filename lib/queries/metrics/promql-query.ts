import { useQuery } from '../use-query';
import { windowParams, type TimeWindow } from '../../metrics/time-range';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { metricsKeys } from './keys';
import type { PanelAnswer } from './panel-query';

export type PromqlAnswer = Omit<PanelAnswer, 'id'>;

export function getPromql(query: string, w: TimeWindow, signal?: AbortSignal): Promise<PromqlAnswer> {
  return fetchJson<PromqlAnswer>(`/api/metrics/query?${new URLSearchParams({ query, ...windowParams(w) })}`, {
    signal,
  });
}

/** The free PromQL box's result; waits for a submitted query (a 400 is never retried). */
export function usePromqlQuery(query: string, w: TimeWindow) {
  return useQuery<PromqlAnswer, ApiError>({
    queryKey: metricsKeys.promql(query, w),
    queryFn: ({ signal }) => getPromql(query, w, signal),
    enabled: query.length > 0,
  });
}
