/**
 * ResourceSlices as devices per node. Only each pool's newest generation counts (the API's rule);
 * a pool with fewer slices than it announces is used as seen, with a warning. A device is a GPU
 * when its `type` attribute says `gpu` (NVIDIA's `gpu-N`), a MIG device when it says `mig` or has
 * a `parentUUID` (NVIDIA's `gpu-N-mig-<profile>-<start>-<size>`); without a `type`, any device of
 * a driver whose name contains `gpu` (gpu.intel.com, gpu.amd.com...) is a GPU. Other types
 * (vfio passthrough, channels) are left out, so the same hardware is never counted twice.
 */
import { parseQuantity } from '../quantity';
import type { Device, DeviceAttribute, ResourceSlice } from './dra-types';
import type { DraDeviceRef } from './model-types';

export type AttributeValue = string | number | boolean;

export interface DraDevice {
  /** `driver/pool/device`: the device's unique name. */
  key: string;
  driver: string;
  pool: string;
  name: string;
  node: string | null;
  type: 'gpu' | 'mig';
  /** Attributes by name; the driver's own domain is stripped (`productName`, not `gpu.nvidia.com/productName`). */
  attributes: Record<string, AttributeValue>;
  uuid: string | null;
  parentUUID: string | null;
  productName: string | null;
  profile: string | null;
  memoryBytes: number | null;
  /** MIG memory slices taken (from `memorySlice<i>` capacities or the device name), when known. */
  placement: { start: number; size: number } | null;
  /** Carries a NoSchedule/NoExecute device taint: not offered to new claims. */
  tainted: boolean;
  /** The device as claims' results name it (shared, read-only). */
  ref: DraDeviceRef;
  /** The summary it counts in: `<driver>:gpu` or `<driver>:mig-<profile>`. */
  summaryKey: string;
  /** `driver/pool/<name without -mig-...>`: the GPU device a MIG device's name points to. */
  stemKey: string;
  /** `driver/uuid` of a GPU; for a MIG device `driver/parentUUID` (or its stemKey). */
  groupKey: string | null;
}

export interface SliceIndex {
  byNode: Map<string, DraDevice[]>;
  /** `driver/pool` → the node of a node-local pool: where a claim's devices are. */
  poolNodes: Map<string, string>;
  /** The slice objects read for each node (what a node's model depends on). */
  slicesByNode: Map<string, ResourceSlice[]>;
  /** Warnings per node (pools with missing slices). */
  warnings: Map<string, string[]>;
}

const attrValue = (a: DeviceAttribute): AttributeValue | undefined => a.string ?? a.int ?? a.bool ?? a.version;

const MIG_NAME = /-mig-(.+)-(\d+)-(\d+)$/;
const MEMORY_SLICE = 'memorySlice';

/** MIG memory slices from `memorySlice<i>` capacities, else from the device name. */
function placementOf(name: string, capacityKeys: readonly string[]): DraDevice['placement'] {
  let start = Infinity,
    size = 0;
  for (const k of capacityKeys) {
    if (!k.startsWith(MEMORY_SLICE) || k.length === MEMORY_SLICE.length) continue;
    // The index read digit by digit: tens of thousands of devices, no substring for each.
    let i = 0;
    for (let c = MEMORY_SLICE.length; c < k.length && i >= 0; c++) {
      const d = k.charCodeAt(c) - 48;
      i = d >= 0 && d <= 9 ? i * 10 + d : -1;
    }
    if (i < 0) continue;
    size++;
    if (i < start) start = i;
  }
  if (size > 0) return { start, size };
  const m = MIG_NAME.exec(name);
  return m ? { start: Number(m[2]), size: Math.max(1, Number(m[3])) } : null;
}

const stringAttr = (a: Record<string, AttributeValue>, k: string) => {
  const v = a[k];
  return typeof v === 'string' ? v : null;
};

// Thousands of devices carry the same few memory sizes.
const quantities = new Map<string, number | null>();
function quantity(q: string): number | null {
  let v = quantities.get(q);
  if (v === undefined) {
    v = parseQuantity(q);
    if (quantities.size < 4096) quantities.set(q, v);
  }
  return v;
}

/** The GPU view of one published device, or null when it is not a GPU or MIG device. */
export function readDevice(driver: string, pool: string, node: string | null, d: Device): DraDevice | null {
  const prefix = `${driver}/`;
  const attributes: Record<string, AttributeValue> = {};
  for (const k in d.attributes) {
    const x = attrValue(d.attributes[k]!);
    if (x !== undefined) attributes[k.startsWith(prefix) ? k.slice(prefix.length) : k] = x;
  }
  const str = (k: string) => stringAttr(attributes, k);
  const t = str('type');
  const parentUUID = str('parentUUID');
  const migName = d.name.includes('-mig-') ? MIG_NAME.exec(d.name) : null;
  let type: DraDevice['type'] | null;
  if (t === 'gpu' || t === 'mig') type = t;
  else if (t !== null) type = null;
  else if (parentUUID || migName) type = 'mig';
  else type = driver.includes('gpu') ? 'gpu' : null;
  if (!type) return null;
  const capacityKeys: string[] = [];
  let memory: string | undefined;
  for (const k in d.capacity) {
    const name = k.startsWith(prefix) ? k.slice(prefix.length) : k;
    capacityKeys.push(name);
    if (name === 'memory') memory = d.capacity[k]!.value;
  }
  const mem = memory === undefined ? null : quantity(memory);
  const profile = str('profile') ?? (type === 'mig' ? (migName?.[1] ?? null) : null);
  const stem = migName ? d.name.slice(0, migName.index) : d.name;
  return {
    key: `${driver}/${pool}/${d.name}`,
    driver,
    pool,
    name: d.name,
    node,
    type,
    attributes,
    uuid: str('uuid'),
    parentUUID,
    productName: str('productName'),
    profile,
    memoryBytes: mem !== null && mem >= 0 ? mem : null,
    placement: type === 'mig' ? placementOf(d.name, capacityKeys) : null,
    tainted: (d.taints ?? []).some((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute'),
    ref: { driver, pool, device: d.name },
    summaryKey: type === 'gpu' ? `${driver}:gpu` : `${driver}:mig-${profile ?? 'unknown'}`,
    stemKey: `${driver}/${pool}/${stem}`,
    groupKey:
      type === 'gpu'
        ? attributes.uuid
          ? `${driver}/${str('uuid')}`
          : null
        : parentUUID
          ? `${driver}/${parentUUID}`
          : `${driver}/${pool}/${stem}`,
  };
}

// The watch cache hands out the same slice object until the slice changes: parse each once.
const parsed = new WeakMap<ResourceSlice, DraDevice[]>();

/** The GPU devices of one slice, parsed once per slice object (inputs are read, never mutated). */
export function sliceDevices(s: ResourceSlice): DraDevice[] {
  let out = parsed.get(s);
  if (out) return out;
  out = [];
  const node = s.spec.nodeName ?? null;
  for (const d of s.spec.devices ?? []) {
    const dev = readDevice(s.spec.driver, s.spec.pool.name, node, d);
    if (dev) out.push(dev);
  }
  parsed.set(s, out);
  return out;
}

/** Indexes slices: newest generation per pool, GPU devices by node, and each pool's node. */
export function indexSlices(slices: Iterable<ResourceSlice>): SliceIndex {
  const newest = new Map<string, { generation: number; slices: ResourceSlice[] }>();
  for (const s of slices) {
    const id = `${s.spec.driver}/${s.spec.pool.name}`;
    const cur = newest.get(id);
    if (!cur || s.spec.pool.generation > cur.generation)
      newest.set(id, { generation: s.spec.pool.generation, slices: [s] });
    else if (s.spec.pool.generation === cur.generation) cur.slices.push(s);
  }
  const idx: SliceIndex = { byNode: new Map(), poolNodes: new Map(), slicesByNode: new Map(), warnings: new Map() };
  for (const [id, { slices: group }] of newest) {
    const want = group[0]!.spec.pool.resourceSliceCount;
    // A device name is unique in its pool: with one slice (the usual case) nothing to de-duplicate.
    const seen = group.length > 1 ? new Set<string>() : null;
    for (const s of group) {
      const node = s.spec.nodeName ?? null;
      if (!node) continue; // network-attached pools have no node to draw them on
      idx.poolNodes.set(id, node);
      const used = idx.slicesByNode.get(node);
      if (used) used.push(s);
      else idx.slicesByNode.set(node, [s]);
      if (group.length < want) {
        const w = idx.warnings.get(node) ?? [];
        const msg = `pool ${id}: ${group.length} of ${want} ResourceSlices seen; devices may be missing`;
        if (!w.includes(msg)) w.push(msg);
        idx.warnings.set(node, w);
      }
      let devices = sliceDevices(s);
      if (seen) devices = devices.filter((d) => !seen.has(d.key) && Boolean(seen.add(d.key)));
      const list = idx.byNode.get(node);
      if (list) list.push(...devices);
      else idx.byNode.set(node, devices.length && !seen ? [...devices] : devices);
    }
  }
  return idx;
}
