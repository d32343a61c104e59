/**
 * Builders of nodes, pods, ResourceSlices and claims for the GPU model's tests, shaped as the API
 * serves them (GFD labels as NVIDIA's GPU Feature Discovery writes them, devices as NVIDIA's DRA
 * driver publishes them). Test-only: imported by *.test.ts files.
 */
import type { Node, Taint } from '../kube-types';
import type { Device, GpuPod, ResourceClaim, ResourceSlice } from './dra-types';

export function node(
  name: string,
  opts: {
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    labels?: Record<string, string>;
    taints?: Taint[];
    unschedulable?: boolean;
    ready?: boolean;
  } = {},
): Node {
  return {
    metadata: { name, uid: `uid-${name}`, labels: opts.labels ?? {} },
    spec: { taints: opts.taints ?? [], ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: opts.capacity ?? {},
      allocatable: opts.allocatable ?? opts.capacity ?? {},
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  };
}

export function pod(
  name: string,
  opts: {
    namespace?: string;
    node?: string;
    phase?: NonNullable<GpuPod['status']>['phase'];
    limits?: Record<string, string>;
    claims?: { name: string; resourceClaimName?: string; resourceClaimTemplateName?: string }[];
    claimStatuses?: { name: string; resourceClaimName?: string }[];
    unschedulable?: string;
    createdAt?: string;
  } = {},
): GpuPod {
  return {
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      uid: `uid-${name}`,
      creationTimestamp: opts.createdAt ?? '2026-01-01T00:00:00Z',
    },
    spec: {
      ...(opts.node ? { nodeName: opts.node } : {}),
      containers: [{ name: 'c', resources: { limits: opts.limits ?? {} } }],
      ...(opts.claims ? { resourceClaims: opts.claims } : {}),
    },
    status: {
      phase: opts.phase ?? (opts.node ? 'Running' : 'Pending'),
      ...(opts.unschedulable
        ? {
            conditions: [
              { type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: opts.unschedulable },
            ],
          }
        : {}),
      ...(opts.claimStatuses ? { resourceClaimStatuses: opts.claimStatuses } : {}),
    },
  };
}

const s = (v: string) => ({ string: v });

/** NVIDIA's DRA driver's whole-GPU device `gpu-<i>`. */
export function gpuDevice(i: number, product = 'NVIDIA H100 80GB HBM3', memory = '80Gi'): Device {
  return {
    name: `gpu-${i}`,
    attributes: {
      type: s('gpu'),
      uuid: s(`GPU-${i}`),
      productName: s(product),
      architecture: s('Hopper'),
      driverVersion: { version: '550.54.15' },
    },
    capacity: { memory: { value: memory } },
  };
}

/** NVIDIA's DRA driver's MIG device `gpu-<i>-mig-<profile>-<start>-<size>`, parent `GPU-<i>`. */
export function migDevice(
  i: number,
  profile: string,
  start: number,
  size: number,
  product = 'NVIDIA H100 80GB HBM3',
): Device {
  const capacity: NonNullable<Device['capacity']> = {
    memory: { value: `${Number(/\.(\d+)gb/.exec(profile)?.[1] ?? 10)}Gi` },
  };
  for (let k = start; k < start + size; k++) capacity[`memorySlice${k}`] = { value: '1' };
  return {
    name: `gpu-${i}-mig-${profile}-${start}-${size}`,
    attributes: {
      type: s('mig'),
      uuid: s(`MIG-${i}-${profile}-${start}`),
      parentUUID: s(`GPU-${i}`),
      profile: s(profile),
      productName: s(product),
    },
    capacity,
  };
}

export function slice(
  nodeName: string,
  devices: Device[],
  opts: { driver?: string; pool?: string; generation?: number; count?: number } = {},
): ResourceSlice {
  const driver = opts.driver ?? 'gpu.nvidia.com';
  const pool = opts.pool ?? nodeName;
  return {
    metadata: {
      name: `${nodeName}-${driver}-${opts.generation ?? 1}`,
      uid: `slice-${nodeName}-${driver}-${opts.generation ?? 1}`,
    },
    spec: {
      driver,
      nodeName,
      pool: { name: pool, generation: opts.generation ?? 1, resourceSliceCount: opts.count ?? 1 },
      devices,
    },
  };
}

export function claim(
  name: string,
  opts: {
    namespace?: string;
    devices?: string[];
    pool?: string;
    driver?: string;
    reservedFor?: string[];
    deviceClassName?: string;
    adminAccess?: boolean;
  } = {},
): ResourceClaim {
  const driver = opts.driver ?? 'gpu.nvidia.com';
  return {
    metadata: { name, namespace: opts.namespace ?? 'default', uid: `claim-${name}` },
    spec: {
      devices: { requests: [{ name: 'gpu', exactly: { deviceClassName: opts.deviceClassName ?? 'gpu.nvidia.com' } }] },
    },
    status: {
      ...(opts.devices
        ? {
            allocation: {
              devices: {
                results: opts.devices.map((device) => ({
                  request: 'gpu',
                  driver,
                  pool: opts.pool ?? 'node',
                  device,
                  ...(opts.adminAccess ? { adminAccess: true } : {}),
                })),
              },
            },
          }
        : {}),
      reservedFor: (opts.reservedFor ?? []).map((n) => ({ resource: 'pods', name: n, uid: `uid-${n}` })),
    },
  };
}

/** GFD labels of an NVIDIA node. */
export const nvidiaLabels = (
  product: string,
  count: number,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  'nvidia.com/gpu.product': product,
  'nvidia.com/gpu.count': String(count),
  'nvidia.com/gpu.memory': '81559',
  ...extra,
});
