/**
 * Physical GPUs from a node's DRA devices: a GPU device and the MIG devices whose `parentUUID` is
 * its `uuid` (or whose name starts with its name) are one physical GPU. A GPU held whole blocks
 * its MIG devices; a held MIG device blocks its parent and the MIG devices overlapping it in
 * memory slices. Allocation is exact: it comes from the claims' results, device by device.
 */
import type { DraDevice } from './dra-devices';
import type { GpuUnit, Holder, PhysicalGpu, UnitState, UnitSummary } from './model-types';
import { migMemorySlices, migSlotCount } from './resource-names';
import { gpuState, NO_HOLDERS } from './segments';

type Span = { start: number; size: number };
const overlaps = (a: Span, b: Span) => a.start < b.start + b.size && b.start < a.start + a.size;

/** The most non-overlapping spans one can pick (earliest end first is optimal for intervals). */
export function maxDisjoint(spans: readonly Span[]): number {
  let n = 0,
    end = -Infinity;
  let sorted = true;
  for (let i = 1; i < spans.length && sorted; i++)
    sorted = spans[i - 1]!.start + spans[i - 1]!.size <= spans[i]!.start + spans[i]!.size;
  // Drivers publish placements in order, so the sort is usually skipped.
  for (const s of sorted ? spans : [...spans].sort((a, b) => a.start + a.size - (b.start + b.size))) {
    if (s.start >= end) {
      n++;
      end = s.start + s.size;
    }
  }
  return n;
}

interface Group {
  gpu: DraDevice | null;
  migs: DraDevice[];
}

function groupDevices(devices: readonly DraDevice[]): Group[] {
  const groups: Group[] = [];
  const byUuid = new Map<string, Group>(),
    byName = new Map<string, Group>();
  for (const d of devices) {
    if (d.type !== 'gpu') continue;
    const g: Group = { gpu: d, migs: [] };
    groups.push(g);
    if (d.groupKey) byUuid.set(d.groupKey, g);
    byName.set(d.stemKey, g);
  }
  for (const d of devices) {
    if (d.type !== 'mig') continue;
    const parent = d.groupKey!;
    let g = byUuid.get(parent) ?? byName.get(d.stemKey);
    if (!g) {
      // MIG devices of a GPU published without its whole-GPU device (static MIG): one GPU still.
      g = { gpu: null, migs: [] };
      groups.push(g);
      byUuid.set(parent, g);
    }
    g.migs.push(d);
  }
  return groups;
}

const unitOf = (
  d: DraDevice,
  state: UnitState,
  holders: readonly Holder[] | undefined,
  placement: Span | null,
): GpuUnit => ({
  id: d.key,
  kind: d.type === 'gpu' ? 'whole' : 'mig',
  source: 'dra',
  resource: d.driver,
  device: d.ref,
  profile: d.profile,
  memoryBytes: d.memoryBytes,
  placement,
  attributes: d.attributes,
  state,
  holders: holders ?? NO_HOLDERS,
});

export interface DraGpus {
  gpus: PhysicalGpu[];
  summaries: UnitSummary[];
  warnings: string[];
}

/**
 * A DRA `productName` ("NVIDIA A100-SXM4-80GB") spelled as GPU Feature Discovery labels it
 * (spaces become dashes: "NVIDIA-A100-SXM4-80GB"), so one model is one name whichever side
 * published it.
 */
export function labelProduct(name: string | null): string | null {
  const t = name?.trim();
  return t ? t.replace(/\s+/g, '-') : null;
}

/** The DRA GPUs of one node; `held` maps `driver/pool/device` to its holders. */
export function draGpus(devices: readonly DraDevice[], held: ReadonlyMap<string, Holder[]>): DraGpus {
  const gpus: PhysicalGpu[] = [];
  const warnings: string[] = [];
  const sums = new Map<string, Acc>();
  for (const g of groupDevices(devices)) {
    const product = labelProduct(g.gpu?.productName ?? g.migs[0]?.productName ?? null);
    const slots = migSlotCount(product);
    // Placements unknown from the device: laid after each other, as the device plugin's are.
    let next = 0;
    const spans: Span[] = g.migs.map((m) => {
      if (m.placement) return m.placement;
      const p = { start: next, size: migMemorySlices(m.profile ?? '', product) };
      next = p.start + p.size;
      return p;
    });
    const migHolders = g.migs.map((m) => held.get(m.key));
    const heldSpans = spans.filter((_, i) => migHolders[i]);
    const gpuHolders = g.gpu ? held.get(g.gpu.key) : undefined;
    const clash = heldSpans.some((a, i) => heldSpans.some((b, j) => j > i && overlaps(a, b)));
    if (clash || (gpuHolders && heldSpans.length))
      warnings.push(`${(g.gpu ?? g.migs[0]!).key}: overlapping devices are allocated at once`);
    const units: GpuUnit[] = [];
    if (g.gpu) {
      const state: UnitState = gpuHolders
        ? 'allocated'
        : g.gpu.tainted
          ? 'unavailable'
          : heldSpans.length
            ? 'blocked'
            : 'free';
      units.push(unitOf(g.gpu, state, gpuHolders, null));
    }
    g.migs.forEach((m, i) => {
      const s = spans[i]!;
      const mine = migHolders[i];
      const state: UnitState = mine
        ? 'allocated'
        : m.tainted
          ? 'unavailable'
          : gpuHolders || heldSpans.some((h) => overlaps(h, s))
            ? 'blocked'
            : 'free';
      units.push(unitOf(m, state, mine, s));
    });
    const layout = !g.gpu || heldSpans.length > 0 ? 'mig' : 'whole';
    const first = g.gpu ?? g.migs[0]!;
    const id =
      g.gpu?.key ??
      `${first.driver}/${first.pool}/${first.parentUUID ?? first.stemKey.slice(first.driver.length + first.pool.length + 2)}`;
    const width = layout === 'whole' ? 1 : slots;
    gpus.push({
      id,
      source: 'dra',
      vendor: first.driver,
      product,
      memoryBytes: g.gpu?.memoryBytes ?? null,
      uuid: g.gpu?.uuid ?? first.parentUUID,
      layout,
      sharing: null,
      slots: width,
      units,
      state: gpuState(units),
      exact: true,
    });
    units.forEach((u, i) => accumulate(sums, u, id, product, devicesKey(g, i)));
  }
  return { gpus, summaries: [...sums.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)), warnings };
}

/** The summary key of the i-th unit of a group (the GPU device first, when there is one). */
const devicesKey = (g: Group, i: number) => (g.gpu ? (i === 0 ? g.gpu : g.migs[i - 1]!) : g.migs[i]!).summaryKey;

interface Acc {
  s: UnitSummary;
  /** MIG only, per GPU: the spans of every, every offered, and every free device of the profile. */
  spans: Map<string, { all: Span[]; offered: Span[]; free: Span[] }>;
  counts: { offered: number; free: number; blocked: number };
}

const sameHolder = (a: Holder, b: Holder) =>
  a.pod?.namespace === b.pod?.namespace &&
  a.pod?.name === b.pod?.name &&
  a.claim?.namespace === b.claim?.namespace &&
  a.claim?.name === b.claim?.name;

function accumulate(sums: Map<string, Acc>, u: GpuUnit, gpu: string, product: string | null, key: string): void {
  const span = u.placement;
  let a = sums.get(key);
  if (!a) {
    a = {
      s: {
        key,
        kind: u.kind,
        source: 'dra',
        resource: u.resource,
        profile: u.kind === 'mig' ? u.profile : null,
        product,
        capacity: 0,
        allocatable: 0,
        requested: 0,
        used: 0,
        free: 0,
        blocked: 0,
        overcommitted: 0,
        holders: [],
      },
      spans: new Map(),
      counts: { offered: 0, free: 0, blocked: 0 },
    };
    sums.set(key, a);
  }
  a.s.capacity++;
  if (u.state === 'allocated') a.s.requested++;
  if (u.state !== 'unavailable') a.counts.offered++;
  if (u.state === 'free') a.counts.free++;
  if (u.state === 'blocked') a.counts.blocked++;
  if (span) {
    let per = a.spans.get(gpu);
    if (!per) a.spans.set(gpu, (per = { all: [], offered: [], free: [] }));
    per.all.push(span);
    if (u.state !== 'unavailable') per.offered.push(span);
    if (u.state === 'free') per.free.push(span);
  }
  for (const h of u.holders) {
    const e = a.s.holders.find((x) => sameHolder(x.holder, h));
    if (e) e.count++;
    else a.s.holders.push({ holder: h, count: 1 });
  }
}

/**
 * Whole GPUs: counts of unit states. MIG profiles: the driver publishes every placement, so
 * they overlap; a profile's capacity and free are how many can be allocated together.
 */
function finish({ s, spans, counts }: Acc): UnitSummary {
  if (s.kind === 'mig') {
    const sum = (f: (p: { all: Span[]; offered: Span[]; free: Span[] }) => Span[]) =>
      [...spans.values()].reduce((n, p) => n + maxDisjoint(f(p)), 0);
    s.capacity = sum((p) => p.all);
    s.allocatable = sum((p) => p.offered);
    s.free = sum((p) => p.free);
    s.used = s.allocatable - s.free;
    s.blocked = Math.max(0, s.used - s.requested);
  } else {
    s.allocatable = counts.offered;
    s.free = counts.free;
    s.used = s.allocatable - s.free;
    s.blocked = counts.blocked;
  }
  s.overcommitted = Math.max(0, s.requested - s.allocatable);
  return s;
}
