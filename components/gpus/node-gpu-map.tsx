'use client';

import { useMemo, useState } from 'react';
import { idlePodSet } from '@/lib/gpu-page/cell-state';
import type { NodeGpuModel } from '@/lib/gpu/model-types';
import { useIdleGpusQuery } from '@/lib/queries/metrics/idle-gpus-query';
import { usePodsQuery } from '@/lib/queries/pods/pods-query';
import { Card, CardBody, CardHeader } from '../ui/card';
import type { CellSelection } from './gpu-cell';
import { GpuLegend } from './gpu-legend';
import { GpuMapRow } from './gpu-map-row';
import { GpuSelectionPanel } from './gpu-selection-panel';

/**
 * The node page's GPU map: the same row the GPU page draws for this node, with the same legend
 * and selection panel. Takes the node's model from the page (which already holds it from
 * `useGpuCluster`), so the cluster model is not built twice. Renders nothing without GPUs.
 */
export function NodeGpuMap({ model: m }: { model: NodeGpuModel | undefined }) {
  const idle = useIdleGpusQuery({ range: '1h' }, 10, 30_000);
  const pods = usePodsQuery();
  const [selection, setSelection] = useState<CellSelection | null>(null);
  const idlePods = useMemo(() => idlePodSet(idle.data?.items), [idle.data]);
  const byKey = useMemo(
    () => new Map((pods.data?.items ?? []).map((p) => [`${p.namespace}/${p.name}`, p])),
    [pods.data],
  );
  if (!m || m.gpus.length === 0) return null;
  return (
    <Card data-testid="node-gpu-map">
      <CardHeader
        title="GPU map"
        aside={`${m.physical.total} physical GPU${m.physical.total === 1 ? '' : 's'}${m.physical.estimated ? ' (estimated)' : ''}`}
      />
      <CardBody className="flex flex-col gap-3">
        <div className="overflow-x-auto">
          <GpuMapRow
            node={m}
            gpus={m.gpus}
            idlePods={idlePods}
            selection={selection}
            onSelect={setSelection}
            nodeLink={false}
            className="px-0"
          />
        </div>
        <GpuLegend idleKnown={idle.data !== undefined} />
        {selection && (
          <GpuSelectionPanel
            selection={selection}
            node={m}
            idlePods={idlePods}
            podInfo={(k) => byKey.get(k)}
            onClose={() => setSelection(null)}
          />
        )}
      </CardBody>
    </Card>
  );
}
