import { getView, useViewQuery, type ViewData, type ViewQueryOptions } from '../view-query';

export type DeviceClassesData = ViewData<'deviceclasses'>;

/** GET /api/deviceclasses: the DRA DeviceClasses the cache holds (none where resource.k8s.io/v1 is not served). */
export function getDeviceClasses(signal?: AbortSignal): Promise<DeviceClassesData> {
  return getView('deviceclasses', signal);
}

/** The deviceclasses view, kept current by the live stream (never refetched on a timer). */
export function useDeviceClassesQuery<TData = DeviceClassesData>(
  options: ViewQueryOptions<'deviceclasses', TData> = {},
) {
  return useViewQuery('deviceclasses', options);
}
