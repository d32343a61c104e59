'use client';

import { useHealthQuery } from '@/lib/queries/health/health-query';

/**
 * The Kubernetes API server the panel watches, as the cache health reports it. Only users who may
 * list nodes are told it; for the others nothing is shown.
 */
export function ClusterName() {
  const { data } = useHealthQuery();
  if (data && !data.server) return null;
  return (
    <div className="flex min-w-0 items-baseline gap-2 text-xs">
      <span className="font-medium tracking-wide text-zinc-500 uppercase">Cluster</span>
      <span data-testid="cluster-server" className="truncate font-mono text-zinc-700">
        {data?.server ?? '…'}
      </span>
    </div>
  );
}
