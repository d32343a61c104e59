/**
 * The model's per-node unit summaries in the shape of the Nodes page and Overview tables (one row
 * per resource or DRA unit kind: capacity, allocatable, requested, free), so those tables show the
 * model's numbers: MIG slices, shares and DRA devices counted where they are, nothing twice.
 */
import type { GpuAllocation } from '.';
import type { GpuClusterModel, NodeGpuModel, UnitSummary } from './model-types';

/** A summary's label: the resource (`nvidia.com/mig-1g.10gb`) or the DRA key (`gpu.nvidia.com:gpu`). */
const toAllocation = (s: UnitSummary): GpuAllocation => ({
  resource: s.key,
  capacity: s.capacity,
  allocatable: s.allocatable,
  requested: s.requested,
  free: s.free,
});

/** One node's rows, sorted by resource. */
export function nodeAllocation(m: NodeGpuModel): GpuAllocation[] {
  return m.summaries.map(toAllocation).sort((a, b) => a.resource.localeCompare(b.resource));
}

/** Every node's rows, keyed by node name. */
export function allocationFromModel(model: GpuClusterModel): Map<string, GpuAllocation[]> {
  return new Map(model.nodes.map((n) => [n.node, nodeAllocation(n)]));
}
