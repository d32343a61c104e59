/**
 * A node's device-plugin GPU resources read with its GPU Feature Discovery labels: which are whole
 * GPUs, MIG slices or shares, how many shares one GPU gives, and the per-resource numbers.
 * Labels read (NVIDIA's device plugin / GFD): `nvidia.com/gpu.product`, `.count`, `.memory`,
 * `.replicas`, `nvidia.com/gpu.sharing-strategy`, `nvidia.com/mig.strategy`,
 * `nvidia.com/mig-<profile>.memory|.replicas`; AMD's `amd.com/gpu.product-name` and `.vram`.
 */
import { parseGpuQuantity } from '.';
import type { ResourceList } from '../kube-types';
import type { Holder, MigStrategy, SharingStrategy, UnitKind, UnitSummary } from './model-types';
import { classifyResource, parseMigProfile, parseProduct, type ProductName } from './resource-names';

export interface ResourceView {
  resource: string;
  vendor: string;
  kind: UnitKind;
  /** MIG profile of a slice, or of the slices a share divides. */
  profile: string | null;
  /** Shares per GPU (or per slice); 1 when not shared. */
  replicas: number;
  product: string | null;
  /** Memory of the GPU or slice behind one unit. */
  memoryBytes: number | null;
  capacity: number;
  allocatable: number;
  requested: number;
  holders: { holder: Holder; count: number }[];
  /** True when `replicas` or the profile was inferred, not read from a label. */
  estimated: boolean;
}

export interface NodeGpuLabels {
  migStrategy: MigStrategy | null;
  sharing: SharingStrategy | null;
  product: ProductName | null;
  /** `nvidia.com/gpu.count`: physical GPUs (mixed, none) or MIG devices (single). */
  count: number | null;
}

const MIB = 2 ** 20;
const positiveInt = (v: string | undefined): number | null => {
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : null;
};

/** What the NVIDIA labels say about the node as a whole. */
export function readGpuLabels(labels: Record<string, string>): NodeGpuLabels {
  const product = labels['nvidia.com/gpu.product'] ? parseProduct(labels['nvidia.com/gpu.product']) : null;
  const s = labels['nvidia.com/mig.strategy'];
  const migStrategy: MigStrategy | null =
    s === 'single' || s === 'mixed' || s === 'none' ? s : product?.migProfile ? 'single' : null;
  const sh = labels['nvidia.com/gpu.sharing-strategy'];
  const sharing: SharingStrategy | null = sh === 'time-slicing' || sh === 'mps' ? sh : null;
  return { migStrategy, sharing, product, count: positiveInt(labels['nvidia.com/gpu.count']) };
}

/** `16G`, `64Gi`, `16384M` (AMD's vram label) in bytes. */
function parseVram(v: string | undefined): number | null {
  const m = v ? /^(\d+(?:\.\d+)?)\s*([KMGT])i?B?$/i.exec(v.trim()) : null;
  if (!m) return null;
  const exp = { K: 1, M: 2, G: 3, T: 4 }[m[2]!.toUpperCase() as 'K' | 'M' | 'G' | 'T'];
  return Math.round(Number(m[1]) * 1024 ** exp);
}

function vendorProduct(vendor: string, labels: Record<string, string>, g: NodeGpuLabels): string | null {
  if (vendor === 'nvidia.com') return g.product?.model ?? null;
  if (vendor === 'amd.com')
    return labels['amd.com/gpu.product-name'] ?? labels['beta.amd.com/gpu.product-name'] ?? null;
  return labels[`${vendor}/gpu.product`] ?? labels[`${vendor}/product`] ?? null;
}

function migMemory(profile: string, labels: Record<string, string>): number | null {
  const mib = positiveInt(labels[`nvidia.com/mig-${profile}.memory`]);
  if (mib) return mib * MIB;
  const p = parseMigProfile(profile);
  return p ? p.memoryGb * 1024 * MIB : null;
}

type Requests = ReadonlyMap<string, { holder: Holder; count: number }[]>;
type NodeSide = Omit<ResourceView, 'requested' | 'holders'>;

/** The view of one resource from the node alone (labels, capacity, allocatable), or null. */
function nodeSide(
  resource: string,
  labels: Record<string, string>,
  g: NodeGpuLabels,
  capacity: ResourceList | undefined,
  allocatable: ResourceList | undefined,
): NodeSide | null {
  const fam = classifyResource(resource);
  if (!fam) return null;
  const base = {
    resource,
    vendor: fam.vendor,
    product: vendorProduct(fam.vendor, labels, g),
    capacity: parseGpuQuantity(capacity?.[resource]),
    allocatable: parseGpuQuantity(allocatable?.[resource]),
  };
  const nvidia = fam.vendor === 'nvidia.com';
  if (fam.family === 'mig') {
    const stem = fam.shared ? resource.slice(0, -'.shared'.length) : resource;
    const r = positiveInt(labels[`${stem}.replicas`]) ?? 1;
    const shared = fam.shared || r > 1;
    return {
      ...base,
      kind: shared ? 'share' : 'mig',
      profile: fam.profile,
      replicas: shared ? r : 1,
      memoryBytes: migMemory(fam.profile, labels),
      estimated: false,
    };
  }
  if (nvidia && !fam.shared && g.migStrategy === 'single' && resource === 'nvidia.com/gpu') {
    // Single strategy: nvidia.com/gpu counts MIG devices of one profile, named by the product label.
    const profile = g.product?.migProfile ?? null;
    const r = positiveInt(labels['nvidia.com/gpu.replicas']) ?? 1;
    const mem = positiveInt(labels['nvidia.com/gpu.memory']);
    return {
      ...base,
      kind: r > 1 ? 'share' : 'mig',
      profile,
      replicas: r,
      memoryBytes: mem ? mem * MIB : profile ? migMemory(profile, labels) : null,
      estimated: true,
    };
  }
  const stem = fam.shared ? resource.slice(0, -'.shared'.length) : resource;
  const r = positiveInt(labels[`${stem}.replicas`]);
  const count = positiveInt(labels[`${stem}.count`]);
  // Renamed shares without a replicas label: the count label still gives the physical GPUs.
  const inferred = fam.shared && !r && count ? Math.max(1, Math.round(base.capacity / count)) : null;
  // Nothing says how many GPUs share: show one GPU (never more GPUs than there are), flagged estimated.
  const replicas = r ?? inferred ?? (fam.shared ? Math.max(1, base.capacity) : 1);
  const shared = fam.shared || replicas > 1;
  const mem = nvidia ? positiveInt(labels['nvidia.com/gpu.memory']) : null;
  return {
    ...base,
    kind: shared ? 'share' : 'whole',
    profile: null,
    replicas: shared ? replicas : 1,
    memoryBytes: mem ? mem * MIB : fam.vendor === 'amd.com' ? parseVram(labels['amd.com/gpu.vram']) : null,
    estimated: fam.shared && !r && !count,
  };
}

export interface GpuNodeFields {
  metadata: { labels?: Record<string, string> };
  status?: { capacity?: ResourceList; allocatable?: ResourceList };
}

// The watch cache hands out the same node object until the node changes: read it once.
const memo = new WeakMap<object, { labels: NodeGpuLabels; sides: NodeSide[] }>();

/** What the node alone says: its GPU labels and one view per GPU resource it advertises. */
export function nodeGpuSides(n: GpuNodeFields): { labels: NodeGpuLabels; sides: NodeSide[] } {
  const hit = memo.get(n);
  if (hit) return hit;
  const labels = n.metadata.labels ?? {};
  const g = readGpuLabels(labels);
  const names = new Set<string>();
  for (const k in n.status?.capacity) names.add(k);
  for (const k in n.status?.allocatable) names.add(k);
  const sides: NodeSide[] = [];
  for (const r of [...names].sort()) {
    const v = nodeSide(r, labels, g, n.status?.capacity, n.status?.allocatable);
    if (v) sides.push(v);
  }
  const out = { labels: g, sides };
  memo.set(n, out);
  return out;
}

/**
 * One view per GPU unit resource the node has or its pods request. `requests` holds, per
 * resource, what bound non-terminated pods request, in a stable order.
 */
export function resourceViews(n: GpuNodeFields, requests: Requests): ResourceView[] {
  const { labels: g, sides } = nodeGpuSides(n);
  const out: ResourceView[] = sides.map((v) => {
    const holders = requests.get(v.resource) ?? [];
    return { ...v, holders, requested: holders.reduce((a, h) => a + h.count, 0) };
  });
  let extra = false;
  for (const [resource, holders] of requests) {
    if (sides.some((v) => v.resource === resource)) continue;
    const v = nodeSide(resource, n.metadata.labels ?? {}, g, undefined, undefined);
    if (!v) continue;
    out.push({ ...v, holders, requested: holders.reduce((a, h) => a + h.count, 0) });
    extra = true;
  }
  return extra ? out.sort((a, b) => a.resource.localeCompare(b.resource)) : out;
}

/** The Nodes page numbers of one resource: used and free never leave [0, allocatable]. */
export function summarize(v: ResourceView): UnitSummary {
  const used = Math.min(v.requested, v.allocatable);
  return {
    key: v.resource,
    kind: v.kind,
    source: 'device-plugin',
    resource: v.resource,
    profile: v.profile,
    product: v.product,
    capacity: v.capacity,
    allocatable: v.allocatable,
    requested: v.requested,
    used,
    free: v.allocatable - used,
    blocked: 0,
    overcommitted: Math.max(0, v.requested - v.allocatable),
    holders: v.holders,
  };
}
