/** Which query holds which stream view: the one place the stream and the query hooks meet. */
import type { ViewName } from '../views';
import { eventKeys } from './events/keys';
import { gpuKeys } from './gpus/keys';
import { nodeKeys } from './nodes/keys';
import { podKeys } from './pods/keys';
import { workloadKeys } from './workloads/keys';

/** The query key of a view's full list. */
export function viewQueryKey(view: ViewName): readonly string[] {
  switch (view) {
    case 'nodes':
      return nodeKeys.list();
    case 'pods':
      return podKeys.list();
    case 'workloads':
      return workloadKeys.list();
    case 'events':
      return eventKeys.list();
    case 'jobs':
      return workloadKeys.jobs();
    case 'cronjobs':
      return workloadKeys.cronJobs();
    case 'deviceclasses':
      return gpuKeys.deviceClasses();
    case 'resourceslices':
      return gpuKeys.resourceSlices();
    case 'resourceclaims':
      return gpuKeys.resourceClaims();
    case 'resourceclaimtemplates':
      return gpuKeys.resourceClaimTemplates();
  }
}
