'use client';

import { useCallback, useMemo } from 'react';
import { idlePodSet } from '@/lib/gpu-page/cell-state';
import type { GpuPageState } from '@/lib/gpu-page/url-state';
import { useGpuCluster } from '@/lib/queries/gpus/gpu-cluster-query';
import { useIdleGpusQuery } from '@/lib/queries/metrics/idle-gpus-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { LoadError } from '../feedback/query-states';
import { PageHeader } from '../layout/page-header';
import { GpuPageView } from './gpu-page-view';
import { GpusSkeleton } from './gpus-skeleton';

/** The idle finder's window and threshold: the Metrics page's defaults. */
const IDLE_WINDOW = { range: '1h' } as const;
const IDLE_THRESHOLD = 10;
const IDLE_REFRESH_MS = 30_000;

/**
 * The GPU page: the GPU model from the live views (nodes, pods, DRA objects; patched by the
 * stream), idle GPUs from Prometheus when it answers, owners of pods from the pods view.
 */
export function GpusScreen({ initial }: { initial: GpuPageState }) {
  const { model, deviceClasses, isLoading, error, draServed } = useGpuCluster();
  const idle = useIdleGpusQuery(IDLE_WINDOW, IDLE_THRESHOLD, IDLE_REFRESH_MS);
  const pods = usePodsQuery();
  const idlePods = useMemo(() => idlePodSet(idle.data?.items), [idle.data]);
  const byKey = useMemo(
    () => new Map((pods.data?.items ?? []).map((p) => [`${p.namespace}/${p.name}`, p])),
    [pods.data],
  );
  const podInfo = useCallback((key: string) => byKey.get(key), [byKey]);
  const idleNote = idle.data
    ? null
    : idle.isError
      ? 'Idle GPUs are not shown: Prometheus did not answer.'
      : 'Looking for idle GPUs…';

  const total = model?.nodes.reduce((n, m) => n + m.physical.total, 0) ?? 0;
  return (
    <>
      <PageHeader
        title="GPUs"
        subtitle={
          model ? (
            <span data-testid="gpus-subtitle">
              {total.toLocaleString('en-US')} physical GPUs · {model.pendingPods.length} pending GPU pod
              {model.pendingPods.length === 1 ? '' : 's'}
            </span>
          ) : undefined
        }
      />
      {model ? (
        <>
          {error != null && (
            <div className="mb-3">
              <LoadError error={error} what="the latest GPU data" />
            </div>
          )}
          <GpuPageView
            model={model}
            deviceClasses={deviceClasses}
            draServed={draServed}
            idlePods={idlePods}
            idleNote={idleNote}
            podInfo={podInfo}
            initial={initial}
          />
        </>
      ) : error != null && !isLoading ? (
        <LoadError error={error} what="GPUs" />
      ) : (
        <GpusSkeleton />
      )}
    </>
  );
}
