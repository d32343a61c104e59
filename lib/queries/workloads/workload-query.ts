import { useCallback } from 'react';
import type { WorkloadRow } from '../../views';
import { useWorkloadsQuery, type WorkloadsData } from './workloads-query';

/**
 * One workload by view key (`Deployment/ns/name`), selected from the cached workloads view (no
 * fetch of its own), so the detail page follows stream deltas. `data` is null when the view is
 * loaded but has no such workload.
 */
export function useWorkloadQuery(key: string) {
  const select = useCallback(
    (d: WorkloadsData): WorkloadRow | null => d.items.find((w) => w.key === key) ?? null,
    [key],
  );
  return useWorkloadsQuery({ select });
}
