'use client';

import { useMemo } from 'react';
import { allocationByNode, type GpuAllocation } from '@/lib/gpu';
import type { NodeRow, PodRow } from '@/lib/views';

/**
 * Per-node GPU allocation from the cached nodes and pods views; null until both are loaded, so
 * "requested" is never shown as 0 just because pods have not arrived.
 */
export function useGpuAllocation(nodes: NodeRow[] | undefined, pods: PodRow[] | undefined): Map<string, GpuAllocation[]> | null {
  return useMemo(() => (nodes && pods ? allocationByNode(nodes, pods) : null), [nodes, pods]);
}
