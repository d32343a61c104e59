/**
 * Physical GPUs from a node's DRA devices: a GPU device and the MIG devices whose `parentUUID` is
 * its `uuid` (or whose name starts with its name) are one physical GPU. A GPU held whole blocks
 * its MIG devices; a held MIG device blocks its parent and the MIG devices overlapping it in
 * memory slices. Allocation is exact: it comes from the claims' results, device by device.
 */
import type { DraDevice } from './dra-devices';
import type { GpuUnit, Holder, PhysicalGpu, UnitState, UnitSummary } from './model-types';
import { migMemorySlices, migSlotCount } from './resource-names';
import { gpuState, segmentsOf } from './segments';

type Span = { start: number; size: number };
const overlaps = (a: Span, b: Span) => a.start < b.start + b.size && b.start < a.start + a.size;

/** The most non-overlapping spans one can pick (earliest end first is optimal for intervals). */
export function maxDisjoint(spans: readonly Span[]): number {
  let n = 0, end = -Infinity;
  for (const s of [...spans].sort((a, b) => a.start + a.size - (b.start + b.size))) {
    if (s.start >= end) {
      n++;
      end = s.start + s.size;
    }
  }
  return n;
}

interface Group { gpu: DraDevice | null; migs: DraDevice[] }

function groupDevices(devices: readonly DraDevice[]): Group[] {
  const groups: Group[] = [];
  const byUuid = new Map<string, Group>(), byName = new Map<string, Group>();
  for (const d of devices) {
    if (d.type !== 'gpu') continue;
    const g: Group = { gpu: d, migs: [] };
    groups.push(g);
    if (d.uuid) byUuid.set(`${d.driver}/${d.uuid}`, g);
    byName.set(`${d.driver}/${d.pool}/${d.name}`, g);
  }
  for (const d of devices) {
    if (d.type !== 'mig') continue;
    const stem = d.name.replace(/-mig-.*$/, '');
    const orphan = `${d.driver}/${d.parentUUID ?? `${d.pool}/${stem}`}`;
    let g = (d.parentUUID && byUuid.get(`${d.driver}/${d.parentUUID}`)) || byName.get(`${d.driver}/${d.pool}/${stem}`) || byUuid.get(orphan);
    if (!g) {
      // MIG devices of a GPU published without its whole-GPU device (static MIG): one GPU still.
      g = { gpu: null, migs: [] };
      groups.push(g);
      byUuid.set(orphan, g);
    }
    g.migs.push(d);
  }
  return groups;
}

const unitOf = (d: DraDevice, state: UnitState, holders: Holder[], placement: Span | null): GpuUnit => ({
  id: d.key, kind: d.type === 'gpu' ? 'whole' : 'mig', source: 'dra', resource: d.driver,
  device: { driver: d.driver, pool: d.pool, device: d.name }, profile: d.profile, memoryBytes: d.memoryBytes,
  placement, attributes: d.attributes, state, holders,
});

export interface DraGpus { gpus: PhysicalGpu[]; summaries: UnitSummary[] }

/** The DRA GPUs of one node; `held` maps `driver/pool/device` to its holders. */
export function draGpus(devices: readonly DraDevice[], held: ReadonlyMap<string, Holder[]>): DraGpus {
  const gpus: PhysicalGpu[] = [];
  const sums = new Map<string, Acc>();
  for (const g of groupDevices(devices)) {
    const product = g.gpu?.productName ?? g.migs[0]?.productName ?? null;
    const slots = migSlotCount(product);
    // Placements unknown from the device: laid after each other, as the device plugin's are.
    let next = 0;
    const span = new Map<string, Span>();
    for (const m of g.migs) {
      const p = m.placement ?? { start: next, size: migMemorySlices(m.profile ?? '', product) };
      span.set(m.key, p);
      if (!m.placement) next = p.start + p.size;
    }
    const heldMigs = g.migs.filter((m) => held.has(m.key));
    const gpuHeld = g.gpu ? held.has(g.gpu.key) : false;
    const units: GpuUnit[] = [];
    if (g.gpu) {
      const state: UnitState = gpuHeld ? 'allocated' : g.gpu.tainted ? 'unavailable' : heldMigs.length ? 'blocked' : 'free';
      units.push(unitOf(g.gpu, state, held.get(g.gpu.key) ?? [], null));
    }
    for (const m of g.migs) {
      const mine = held.get(m.key);
      const s = span.get(m.key)!;
      const state: UnitState = mine ? 'allocated' : m.tainted ? 'unavailable'
        : gpuHeld || heldMigs.some((h) => overlaps(span.get(h.key)!, s)) ? 'blocked' : 'free';
      units.push(unitOf(m, state, mine ?? [], s));
    }
    // Drawn: the held MIG devices, and for static MIG (no whole device) the free ones that fit between.
    const drawn = new Map<string, Span>();
    for (const u of units) if (u.kind === 'mig' && u.state === 'allocated') drawn.set(u.id, span.get(u.id)!);
    if (!g.gpu) {
      for (const u of units) {
        const s = span.get(u.id)!;
        if (u.state !== 'allocated' && ![...drawn.values()].some((d) => overlaps(d, s))) drawn.set(u.id, s);
      }
    }
    const layout = !g.gpu || heldMigs.length > 0 ? 'mig' : 'whole';
    const first = g.gpu ?? g.migs[0]!;
    gpus.push({
      id: g.gpu?.key ?? `${first.driver}/${first.pool}/${first.parentUUID ?? first.name.replace(/-mig-.*$/, '')}`,
      source: 'dra', vendor: first.driver, product, memoryBytes: g.gpu?.memoryBytes ?? null,
      uuid: g.gpu?.uuid ?? first.parentUUID, layout, sharing: null, slots: layout === 'whole' ? 1 : slots, units,
      segments: segmentsOf(layout, layout === 'whole' ? 1 : slots, units, product, drawn, g.gpu ? 'free' : 'unavailable'),
      state: gpuState(units), exact: true,
    });
    for (const u of units) accumulate(sums, u, span.get(u.id) ?? null, gpus.at(-1)!.id, product);
  }
  return { gpus, summaries: [...sums.values()].map(finish).sort((a, b) => a.key.localeCompare(b.key)) };
}

interface Acc {
  s: UnitSummary;
  /** MIG only, per GPU: the spans of every, every offered, and every free device of the profile. */
  spans: Map<string, { all: Span[]; offered: Span[]; free: Span[] }>;
  counts: { offered: number; free: number; blocked: number };
}

const sameHolder = (a: Holder, b: Holder) =>
  a.pod?.namespace === b.pod?.namespace && a.pod?.name === b.pod?.name && a.claim?.namespace === b.claim?.namespace && a.claim?.name === b.claim?.name;

function accumulate(sums: Map<string, Acc>, u: GpuUnit, span: Span | null, gpu: string, product: string | null): void {
  const key = u.kind === 'whole' ? `${u.resource}:gpu` : `${u.resource}:mig-${u.profile ?? 'unknown'}`;
  let a = sums.get(key);
  if (!a) {
    a = {
      s: {
        key, kind: u.kind, source: 'dra', resource: u.resource, profile: u.kind === 'mig' ? u.profile : null, product,
        capacity: 0, allocatable: 0, requested: 0, used: 0, free: 0, blocked: 0, overcommitted: 0, holders: [],
      },
      spans: new Map(), counts: { offered: 0, free: 0, blocked: 0 },
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
    const sum = (f: (p: { all: Span[]; offered: Span[]; free: Span[] }) => Span[]) => [...spans.values()].reduce((n, p) => n + maxDisjoint(f(p)), 0);
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
