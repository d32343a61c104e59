import { useMemo } from 'react';
import { deviceClassFromRow, gpuInputFromRows } from '../../gpu/from-rows';
import type { DeviceClass } from '../../gpu/dra-types';
import { buildGpuCluster } from '../../gpu/model';
import type { GpuClusterModel } from '../../gpu/model-types';
import type { CacheHealth } from '../../health';
import { useNodesQuery } from '../nodes/nodes-query';
import { usePodsQuery } from '../pods/pods-query';
import { useDeviceClassesQuery } from './deviceclasses-query';
import { useResourceClaimsQuery } from './resourceclaims-query';
import { useResourceSlicesQuery } from './resourceslices-query';

export interface GpuCluster {
  /** The GPU model of the cluster; undefined until nodes and pods have loaded. */
  model: GpuClusterModel | undefined;
  deviceClasses: DeviceClass[];
  /** True while nodes or pods are loading (the DRA views join in when they arrive). */
  isLoading: boolean;
  /** A failure of the nodes or pods view: without them there is no model. */
  error: unknown;
  /** Whether the cluster serves resource.k8s.io/v1; undefined until the cache health says. */
  draServed: boolean | undefined;
  /**
   * A failure of a DRA view (e.g. the user may not list claims): the model is then built without
   * DRA devices or claims rather than not at all.
   */
  draError: unknown;
}

function draServedIn(health: CacheHealth | undefined): boolean | undefined {
  const h = health?.resources.resourceslices;
  if (!h) return undefined;
  if (h.state === 'not-served') return false;
  return h.listedAt !== null ? true : undefined;
}

/**
 * The GPU model built in the browser from the live views (nodes, pods, resourceslices,
 * resourceclaims, deviceclasses), rebuilt when any of them changes. Rows map to the model's
 * inputs through one memoised adapter, so a rebuild after one pod changed reuses every other node.
 */
export function useGpuCluster(): GpuCluster {
  const nodesQ = useNodesQuery();
  const podsQ = usePodsQuery();
  const slicesQ = useResourceSlicesQuery();
  const claimsQ = useResourceClaimsQuery();
  const classesQ = useDeviceClassesQuery();

  const nodes = nodesQ.data?.items;
  const pods = podsQ.data?.items;
  const slices = slicesQ.data?.items;
  const claims = claimsQ.data?.items;
  const classes = classesQ.data?.items;

  const model = useMemo(
    () => (nodes && pods ? buildGpuCluster(gpuInputFromRows({ nodes, pods, slices, claims })) : undefined),
    [nodes, pods, slices, claims],
  );
  const deviceClasses = useMemo(() => (classes ?? []).map(deviceClassFromRow), [classes]);
  const health = slicesQ.data?.health ?? nodesQ.data?.health;

  return {
    model,
    deviceClasses,
    isLoading: nodesQ.isLoading || podsQ.isLoading,
    error: nodesQ.error ?? podsQ.error ?? null,
    draServed: draServedIn(health),
    draError: slicesQ.error ?? claimsQ.error ?? classesQ.error ?? null,
  };
}
