import { useQuery } from '../use-query';
import type { NamespacesAnswer } from '../../namespace-access';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { namespaceKeys } from './keys';

/** GET /api/namespaces: the namespaces the user may read, with what they may list in each. */
export function getNamespaces(signal?: AbortSignal): Promise<NamespacesAnswer> {
  return fetchJson<NamespacesAnswer>('/api/namespaces', { signal });
}

/**
 * The namespaces the user may read. The live stream does not carry namespaces, so the answer is
 * asked again when stale (30 s, the server's access-review lifetime) and a picker is opened or
 * the window regains focus — never on a timer.
 */
export function useNamespacesQuery() {
  return useQuery<NamespacesAnswer, ApiError>({
    queryKey: namespaceKeys.all,
    queryFn: ({ signal }) => getNamespaces(signal),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}
