import { keepPreviousData } from '@tanstack/react-query';
import type { SearchAnswer } from '../../search/types';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { useQuery } from '../use-query';
import { searchKeys } from './keys';

/** GET /api/search: the cached nodes, pods and workloads matching `q` that the user may see. */
export function getSearch(q: string, signal?: AbortSignal): Promise<SearchAnswer> {
  return fetchJson<SearchAnswer>(`/api/search?${new URLSearchParams({ q })}`, { signal });
}

/**
 * The palette's cluster hits for `q` (normalised; nothing asked while empty). The palette asks
 * one query at a time (the latest text, once the last one answers); the last answer stays shown
 * meanwhile, so the list does not blink between letters. Short-lived: the cluster changes under
 * the palette.
 */
export function useSearchQuery(q: string) {
  return useQuery<SearchAnswer, ApiError>({
    queryKey: searchKeys.query(q),
    queryFn: ({ signal }) => getSearch(q, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
    gcTime: 30_000,
    retry: false,
  });
}
