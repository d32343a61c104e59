import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type ResourceSlicesData = ViewData<'resourceslices'>;

/** GET /api/resourceslices: the DRA ResourceSlices the cache holds (none where resource.k8s.io/v1 is not served). */
export function getResourceSlices(signal?: AbortSignal): Promise<ResourceSlicesData> {
  return getView('resourceslices', signal);
}

/** The resourceslices view, kept current by the live stream (never refetched on a timer). */
export function useResourceSlicesQuery<TData = ResourceSlicesData>(
  options: ViewQueryOptions<'resourceslices', TData> = {},
) {
  return useViewQuery('resourceslices', options);
}
