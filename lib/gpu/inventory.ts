/**
 * Cluster totals over every node's GPU model: physical GPUs by model (free, partly used, full),
 * MIG slices by profile, and every unit kind summed. Pure; the GPU page's headline table.
 */
import type { NodeGpuModel, UnitKind, UnitSource, UnitSummary } from './model-types';

export interface ModelInventory {
  product: string;
  vendor: string;
  /** Physical GPUs, counted once whatever they are split into. */
  total: number;
  free: number;
  partial: number;
  full: number;
  nodes: number;
}

export interface ProfileInventory {
  profile: string;
  /** The GPU model the slices are on. */
  product: string | null;
  source: UnitSource;
  /** Allocatable slices (DRA: how many fit together), free and used. */
  total: number;
  free: number;
  used: number;
}

export interface ResourceTotal {
  key: string;
  kind: UnitKind;
  source: UnitSource;
  capacity: number;
  allocatable: number;
  requested: number;
  used: number;
  free: number;
}

export interface GpuInventory {
  physical: { total: number; free: number; nodes: number; estimatedNodes: number };
  byModel: ModelInventory[];
  byProfile: ProfileInventory[];
  byResource: ResourceTotal[];
}

/** Totals over all nodes' models; sorted by model, profile and key. */
export function gpuInventory(nodes: readonly NodeGpuModel[]): GpuInventory {
  const models = new Map<string, ModelInventory & { seen: Set<string> }>();
  const profiles = new Map<string, ProfileInventory>();
  const resources = new Map<string, ResourceTotal>();
  const physical = { total: 0, free: 0, nodes: 0, estimatedNodes: 0 };
  for (const n of nodes) {
    if (n.gpus.length > 0) physical.nodes++;
    if (n.physical.estimated) physical.estimatedNodes++;
    physical.total += n.physical.total;
    physical.free += n.physical.free;
    for (const g of n.gpus) {
      const product = g.product ?? 'unknown';
      const k = `${g.vendor}\u0000${product}`;
      let m = models.get(k);
      if (!m)
        models.set(
          k,
          (m = { product, vendor: g.vendor, total: 0, free: 0, partial: 0, full: 0, nodes: 0, seen: new Set() }),
        );
      m.total++;
      m[g.state]++;
      if (!m.seen.has(n.node)) {
        m.seen.add(n.node);
        m.nodes++;
      }
    }
    for (const s of n.summaries) {
      let r = resources.get(s.key);
      if (!r)
        resources.set(
          s.key,
          (r = {
            key: s.key,
            kind: s.kind,
            source: s.source,
            capacity: 0,
            allocatable: 0,
            requested: 0,
            used: 0,
            free: 0,
          }),
        );
      r.capacity += s.capacity;
      r.allocatable += s.allocatable;
      r.requested += s.requested;
      r.used += s.used;
      r.free += s.free;
      if (s.kind !== 'mig' || !s.profile) continue;
      const pk = `${s.profile}\u0000${s.product ?? ''}\u0000${s.source}`;
      let p = profiles.get(pk);
      if (!p)
        profiles.set(
          pk,
          (p = { profile: s.profile, product: s.product, source: s.source, total: 0, free: 0, used: 0 }),
        );
      p.total += s.allocatable;
      p.free += s.free;
      p.used += s.used;
    }
  }
  return {
    physical,
    byModel: [...models.values()]
      .map((m) => ({
        product: m.product,
        vendor: m.vendor,
        total: m.total,
        free: m.free,
        partial: m.partial,
        full: m.full,
        nodes: m.nodes,
      }))
      .sort((a, b) => a.vendor.localeCompare(b.vendor) || a.product.localeCompare(b.product)),
    byProfile: [...profiles.values()].sort(
      (a, b) =>
        a.profile.localeCompare(b.profile) ||
        (a.product ?? '').localeCompare(b.product ?? '') ||
        a.source.localeCompare(b.source),
    ),
    byResource: [...resources.values()].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** The GPU columns of one row of the Nodes page: physical GPUs and each unit kind summed. */
export interface NodeGpuNumbers {
  physical: number;
  physicalFree: number;
  estimated: boolean;
  /** Distinct models on the node, most GPUs first. */
  products: string[];
  byKind: Record<UnitKind, Pick<UnitSummary, 'capacity' | 'allocatable' | 'requested' | 'used' | 'free'>>;
  /** True when some unit kind has more requested than allocatable. */
  overcommitted: boolean;
}

/** The Nodes page numbers of one node's model. */
export function nodeGpuNumbers(m: NodeGpuModel): NodeGpuNumbers {
  const zero = () => ({ capacity: 0, allocatable: 0, requested: 0, used: 0, free: 0 });
  const byKind: NodeGpuNumbers['byKind'] = { whole: zero(), mig: zero(), share: zero() };
  let overcommitted = false;
  for (const s of m.summaries) {
    const k = byKind[s.kind];
    k.capacity += s.capacity;
    k.allocatable += s.allocatable;
    k.requested += s.requested;
    k.used += s.used;
    k.free += s.free;
    if (s.overcommitted > 0) overcommitted = true;
  }
  const products = Object.entries(m.physical.byProduct)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([p]) => p);
  return {
    physical: m.physical.total,
    physicalFree: m.physical.free,
    estimated: m.physical.estimated,
    products,
    byKind,
    overcommitted,
  };
}
