'use client';

import Link from 'next/link';
import type { NodeGpuModel } from '@/lib/gpu/model-types';
import { gpuSegments } from '@/lib/gpu/segments';
import { cellState, podKey } from '@/lib/gpu-page/cell-state';
import { podHref, podWorkload, type PodOwnerInfo } from '@/lib/gpu-page/pod-links';
import { logsHref } from '@/lib/logs/presets';
import { workloadHref } from '../workloads/workload-list';
import { CELL_LABEL } from './cell-style';
import type { CellSelection } from './gpu-cell';

const formatBytes = (b: number | null) => (b == null ? null : `${Math.round(b / 2 ** 30)} GiB`);

/**
 * What a clicked segment is: the GPU (model, memory, UUID, how it is known), the unit, its state
 * and every holder — the pod (with links to the pod, its logs, its node and its workload) and the
 * claim for DRA devices.
 */
export function GpuSelectionPanel({
  selection,
  node,
  idlePods,
  podInfo,
  onClose,
}: {
  selection: CellSelection;
  node: NodeGpuModel | undefined;
  idlePods: ReadonlySet<string>;
  /** Owner and labels of a pod by `namespace/name`, from the pods view; undefined while loading. */
  podInfo: (key: string) => PodOwnerInfo | undefined;
  onClose: () => void;
}) {
  const gpu = node?.gpus.find((g) => g.id === selection.gpu);
  const seg = gpu ? gpuSegments(gpu).find((s) => s.start === selection.start) : undefined;
  if (!node || !gpu || !seg) return null;
  const state = cellState(seg, idlePods);
  const facts = [
    gpu.product ?? 'unknown model',
    formatBytes(gpu.memoryBytes),
    gpu.uuid,
    gpu.source === 'dra' ? 'DRA device' : 'device plugin',
  ].filter(Boolean);
  return (
    <aside
      data-testid="gpu-selection"
      data-state={state}
      className="rounded-lg border border-zinc-200 bg-white p-3 text-[13px] shadow-xs"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <div className="font-semibold text-zinc-900">
            <Link href={`/nodes/${encodeURIComponent(node.node)}`} className="text-indigo-700 hover:underline">
              {node.node}
            </Link>{' '}
            · {gpu.id} · {seg.label || 'not configured'}
          </div>
          <div className="text-xs text-zinc-500">{facts.join(' · ')}</div>
          {!gpu.exact && (
            <div className="text-xs text-zinc-500">
              The device plugin reports counts only: which pod holds which of this node&apos;s GPUs is drawn, not known.
            </div>
          )}
        </div>
        <button type="button" onClick={onClose} aria-label="Close" className="text-zinc-400 hover:text-zinc-700">
          ✕
        </button>
      </div>
      <div className="mt-2 text-xs">
        <span className="font-medium">{CELL_LABEL[state]}</span>
      </div>
      {seg.holders.length === 0 ? (
        <p className="mt-1 text-xs text-zinc-500">
          Nobody holds this {seg.kind === 'share' ? 'share' : seg.kind === 'mig' ? 'slice' : 'GPU'}.
        </p>
      ) : (
        <ul data-testid="gpu-holders" className="mt-2 flex flex-col gap-1.5">
          {seg.holders.map((h, i) => {
            const info = h.pod ? podInfo(podKey(h.pod)) : undefined;
            const wl = info ? podWorkload(info) : null;
            return (
              <li key={i} data-testid="gpu-holder" className="flex flex-wrap items-center gap-x-3 gap-y-0.5">
                {h.pod && (
                  <Link
                    href={podHref(h.pod)}
                    data-testid="gpu-holder-pod"
                    className="font-mono text-indigo-700 hover:underline"
                  >
                    {podKey(h.pod)}
                  </Link>
                )}
                {h.claim && (
                  <span data-testid="gpu-holder-claim" className="font-mono text-zinc-700">
                    claim {h.claim.namespace}/{h.claim.name}
                  </span>
                )}
                {h.pod && (
                  <Link
                    href={logsHref({ namespace: h.pod.namespace, pod: h.pod.name })}
                    className="text-xs text-indigo-700 hover:underline"
                  >
                    logs
                  </Link>
                )}
                {h.pod && wl && (
                  <Link
                    href={workloadHref({ kind: wl.kind, namespace: h.pod.namespace, name: wl.name })}
                    className="text-xs text-indigo-700 hover:underline"
                  >
                    {wl.kind} {wl.name}
                  </Link>
                )}
                {!h.pod && <span className="text-xs text-amber-700">reserved for no pod</span>}
              </li>
            );
          })}
        </ul>
      )}
    </aside>
  );
}
