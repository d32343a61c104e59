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
}

export interface SliceIndex {
  byNode: Map<string, DraDevice[]>;
  byKey: Map<string, DraDevice>;
  /** Warnings per node (pools with missing slices). */
  warnings: Map<string, string[]>;
}

const attrValue = (a: DeviceAttribute): AttributeValue | undefined => a.string ?? a.int ?? a.bool ?? a.version;

function normalise<T>(driver: string, m: Record<string, T> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  const prefix = `${driver}/`;
  for (const [k, v] of Object.entries(m ?? {})) out[k.startsWith(prefix) ? k.slice(prefix.length) : k] = v;
  return out;
}

const MIG_NAME = /-mig-(.+)-(\d+)-(\d+)$/;

function placementOf(name: string, capacity: Record<string, unknown>): DraDevice['placement'] {
  const slices = Object.keys(capacity).map((k) => /^memorySlice(\d+)$/.exec(k)).filter((m) => m !== null).map((m) => Number(m[1]));
  if (slices.length > 0) return { start: Math.min(...slices), size: slices.length };
  const m = MIG_NAME.exec(name);
  return m ? { start: Number(m[2]), size: Math.max(1, Number(m[3])) } : null;
}

/** The GPU view of one published device, or null when it is not a GPU or MIG device. */
export function readDevice(driver: string, pool: string, node: string | null, d: Device): DraDevice | null {
  const raw = normalise(driver, d.attributes);
  const attributes: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    const x = attrValue(v);
    if (x !== undefined) attributes[k] = x;
  }
  const str = (k: string) => (typeof attributes[k] === 'string' ? (attributes[k] as string) : null);
  const t = str('type');
  const parentUUID = str('parentUUID');
  let type: DraDevice['type'] | null;
  if (t === 'gpu' || t === 'mig') type = t;
  else if (t !== null) type = null;
  else if (parentUUID || MIG_NAME.test(d.name)) type = 'mig';
  else type = driver.includes('gpu') ? 'gpu' : null;
  if (!type) return null;
  const capacity = normalise(driver, d.capacity);
  const mem = capacity.memory ? parseQuantity(capacity.memory.value) : null;
  return {
    key: `${driver}/${pool}/${d.name}`, driver, pool, name: d.name, node, type, attributes,
    uuid: str('uuid'), parentUUID, productName: str('productName'),
    profile: str('profile') ?? (type === 'mig' ? (MIG_NAME.exec(d.name)?.[1] ?? null) : null),
    memoryBytes: mem !== null && mem >= 0 ? mem : null,
    placement: type === 'mig' ? placementOf(d.name, capacity) : null,
    tainted: (d.taints ?? []).some((x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute'),
  };
}

/** Indexes slices: newest generation per pool, GPU devices by node and by `driver/pool/device`. */
export function indexSlices(slices: Iterable<ResourceSlice>): SliceIndex {
  const newest = new Map<string, { generation: number; slices: ResourceSlice[] }>();
  for (const s of slices) {
    const id = `${s.spec.driver}/${s.spec.pool.name}`;
    const cur = newest.get(id);
    if (!cur || s.spec.pool.generation > cur.generation) newest.set(id, { generation: s.spec.pool.generation, slices: [s] });
    else if (s.spec.pool.generation === cur.generation) cur.slices.push(s);
  }
  const idx: SliceIndex = { byNode: new Map(), byKey: new Map(), warnings: new Map() };
  for (const [id, { slices: group }] of newest) {
    const want = group[0]!.spec.pool.resourceSliceCount;
    for (const s of group) {
      const node = s.spec.nodeName ?? null;
      if (node && group.length < want) {
        const w = idx.warnings.get(node) ?? [];
        const msg = `pool ${id}: ${group.length} of ${want} ResourceSlices seen; devices may be missing`;
        if (!w.includes(msg)) w.push(msg);
        idx.warnings.set(node, w);
      }
      for (const d of s.spec.devices ?? []) {
        const dev = readDevice(s.spec.driver, s.spec.pool.name, node, d);
        if (!dev || idx.byKey.has(dev.key)) continue;
        idx.byKey.set(dev.key, dev);
        if (node) {
          const list = idx.byNode.get(node);
          if (list) list.push(dev);
          else idx.byNode.set(node, [dev]);
        }
      }
    }
  }
  return idx;
}
