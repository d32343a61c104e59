import { useQuery } from '../use-query';
import type { DrainPreview } from '../../drain/preview';
import type { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import { nodeKeys } from './keys';

/** GET /api/nodes/<name>/drain: what a drain would evict and leave, and where the pods could go. */
export function getDrainPreview(name: string, signal?: AbortSignal): Promise<DrainPreview> {
  return fetchJson<{ preview: DrainPreview }>(`/api/nodes/${encodeURIComponent(name)}/drain`, { signal }).then(
    (r) => r.preview,
  );
}

/**
 * The drain preview, read while the confirmation dialog is open (`enabled`) and read afresh each
 * time it opens: a drain acts on what the operator saw a moment ago, not on a cached answer.
 */
export function useDrainPreviewQuery(name: string, enabled: boolean) {
  return useQuery<DrainPreview, ApiError>({
    queryKey: nodeKeys.drainPreview(name),
    queryFn: ({ signal }) => getDrainPreview(name, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}
