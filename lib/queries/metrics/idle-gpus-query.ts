import { keepPreviousData } from '@tanstack/react-query';
import { useQuery } from '../use-query';
import type { IdleGpu } from '../../metrics/idle-gpus';
import { windowParams, type TimeWindow } from '../../metrics/time-range';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { metricsKeys } from './keys';

export interface IdleGpusAnswer {
  items: IdleGpu[];
  threshold: number;
  minSeconds: number;
  start: number;
  end: number;
}

export function getIdleGpus(w: TimeWindow, threshold: number, signal?: AbortSignal): Promise<IdleGpusAnswer> {
  const q = new URLSearchParams({ ...windowParams(w), threshold: String(threshold) });
  return fetchJson<IdleGpusAnswer>(`/api/metrics/idle-gpus?${q}`, { signal });
}

/** GPUs held by pods but idle under `threshold` % (polled like the charts). */
export function useIdleGpusQuery(w: TimeWindow, threshold: number, refreshMs: number) {
  return useQuery<IdleGpusAnswer, ApiError>({
    queryKey: metricsKeys.idleGpus(w, threshold),
    queryFn: ({ signal }) => getIdleGpus(w, threshold, signal),
    refetchInterval: refreshMs || false,
    staleTime: 5_000,
    placeholderData: keepPreviousData,
  });
}
