import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type ResourceClaimsData = ViewData<'resourceclaims'>;

/** GET /api/resourceclaims: the DRA ResourceClaims the cache holds (none where resource.k8s.io/v1 is not served). */
export function getResourceClaims(signal?: AbortSignal): Promise<ResourceClaimsData> {
  return getView('resourceclaims', signal);
}

/** The resourceclaims view, kept current by the live stream (never refetched on a timer). */
export function useResourceClaimsQuery<TData = ResourceClaimsData>(
  options: ViewQueryOptions<'resourceclaims', TData> = {},
) {
  return useViewQuery('resourceclaims', options);
}
