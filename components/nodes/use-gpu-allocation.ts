'use client';

import { useMemo } from 'react';
import type { GpuAllocation } from '@/lib/gpu';
import { allocationFromModel } from '@/lib/gpu/allocation';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import { useGpuCluster } from '@/lib/queries/gpus/gpu-cluster-query';

/**
 * The GPU model of the cluster and its per-node, per-resource rows for the tables; both are
 * undefined / null until nodes and pods are loaded, so "requested" is never shown as 0 just
 * because pods have not arrived.
 */
export function useGpuAllocation(): {
  model: GpuClusterModel | undefined;
  allocation: Map<string, GpuAllocation[]> | null;
} {
  const { model } = useGpuCluster();
  const allocation = useMemo(() => (model ? allocationFromModel(model) : null), [model]);
  return { model, allocation };
}
