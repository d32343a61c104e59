'use client';

import { useEventsQuery } from '@/lib/queries/events/events-query';
import { useHealthQuery } from '@/lib/queries/health/health-query';
import { useNodesQuery } from '@/lib/queries/nodes/nodes-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { useWorkloadsQuery } from '@/lib/queries/workloads/workloads-query';
import { useNow } from '../hooks/use-now';
import { PageHeader } from '../layout/page-header';
import { useGpuAllocation } from '../nodes/use-gpu-allocation';
import { CacheHealthCard } from './cache-health-card';
import { ComponentsHealthCard } from './components-health-card';
import { GpuTotalsCard } from './gpu-totals-card';
import { NodesSummaryCard } from './nodes-summary-card';
import { PendingGpuPodsCard } from './pending-gpu-pods-card';
import { WarningEventsCard } from './warning-events-card';

/**
 * The overview: ImagePod component health, GPU totals, node readiness, Pending GPU pods, recent
 * warnings and the cache state. Each card loads and fails on its own views.
 */
export function OverviewScreen() {
  const nodesQ = useNodesQuery();
  const podsQ = usePodsQuery();
  const workloadsQ = useWorkloadsQuery();
  const eventsQ = useEventsQuery();
  const healthQ = useHealthQuery();
  const now = useNow();
  const { model, allocation } = useGpuAllocation();

  return (
    <>
      <PageHeader title="Overview" subtitle="The ImagePod stack and the cluster's GPUs at a glance" />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <ComponentsHealthCard workloads={workloadsQ.data?.items} query={workloadsQ} />
        <div className="flex flex-col gap-4">
          <GpuTotalsCard model={model} allocation={allocation} queries={[nodesQ, podsQ]} />
          <NodesSummaryCard nodes={nodesQ.data?.items} query={nodesQ} />
        </div>
        <PendingGpuPodsCard pending={model?.pendingPods} query={podsQ} now={now} />
        <WarningEventsCard events={eventsQ.data?.items} query={eventsQ} now={now} />
        <div className="xl:col-span-2">
          <CacheHealthCard health={healthQ.data} query={healthQ} now={now} />
        </div>
      </div>
    </>
  );
}
