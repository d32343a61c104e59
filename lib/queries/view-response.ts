/**
 * What a view route (`/api/nodes`, `/api/pods`, …) answers: the rows, the view revision they
 * reflect, and the cache health at that moment. The cached query data has this shape too, so
 * stream deltas and health events patch it in place.
 */
import type { CacheHealth } from '../health';
import type {
  CronJobRow,
  DeviceClassRow,
  JobRow,
  EventRow,
  NodeRow,
  PodRow,
  ResourceClaimRow,
  ResourceClaimTemplateRow,
  ResourceSliceRow,
  ViewList,
  ViewName,
  WorkloadRow,
} from '../views';

export type ViewResponse<T> = ViewList<T> & { health: CacheHealth };

/** The row type of each view. */
export interface ViewRows {
  nodes: NodeRow;
  pods: PodRow;
  workloads: WorkloadRow;
  events: EventRow;
  jobs: JobRow;
  cronjobs: CronJobRow;
  deviceclasses: DeviceClassRow;
  resourceslices: ResourceSliceRow;
  resourceclaims: ResourceClaimRow;
  resourceclaimtemplates: ResourceClaimTemplateRow;
}

export const VIEW_NAMES: readonly ViewName[] = [
  'nodes',
  'pods',
  'workloads',
  'events',
  'jobs',
  'cronjobs',
  'deviceclasses',
  'resourceslices',
  'resourceclaims',
  'resourceclaimtemplates',
];

/** Views are patched by the stream, so a cached view never goes stale by time. */
export const VIEW_STALE_TIME = Number.POSITIVE_INFINITY;
