/**
 * "Where can this run?": the GPU request as a user writes it, validated with zod (shared by the
 * form and the route), and DeviceClasses reduced to what the panel can match without CEL.
 */
import { z } from 'zod';
import type { DeviceClass } from './dra-types';

/**
 * A DeviceClass as the panel matches it: a driver, optionally a device `type` (`gpu` / `mig`)
 * and a MIG profile. Real classes select with CEL; `simpleDeviceClass` reads the common forms.
 */
export interface SimpleDeviceClass {
  name: string;
  driver: string;
  type?: 'gpu' | 'mig';
  profile?: string;
}

const count = z.number().int().min(1).max(1024);
const attributeValue = z.union([z.string().max(256), z.number(), z.boolean()]);

export const simpleDeviceClassSchema = z.object({
  name: z.string().min(1).max(253),
  driver: z.string().min(1).max(253),
  type: z.enum(['gpu', 'mig']).optional(),
  profile: z.string().min(1).max(64).optional(),
});

export const gpuAskSchema = z.discriminatedUnion('kind', [
  /** N of one extended resource: `nvidia.com/gpu`, `amd.com/gpu`, `nvidia.com/mig-1g.10gb`, `nvidia.com/gpu.shared`... */
  z.object({ kind: z.literal('resource'), resource: z.string().min(3).max(253), count }),
  /** N slices of a MIG profile, however the node offers them (mixed, single, DRA). */
  z.object({
    kind: z.literal('mig'),
    profile: z.string().regex(/^(\d+c\.)?\d+g\.\d+gb(\+[a-z0-9]+)*$/, 'a MIG profile such as 1g.10gb'),
    count,
  }),
  /** N shares of a time-sliced or MPS GPU. */
  z.object({ kind: z.literal('shares'), count }),
  /** N devices of a DeviceClass, optionally with attributes equal to given values (productName...). */
  z.object({
    kind: z.literal('devices'),
    deviceClass: simpleDeviceClassSchema,
    count,
    attributes: z.record(z.string().max(253), attributeValue).optional(),
  }),
]);

const toleration = z.object({
  key: z.string().max(317).optional(),
  operator: z.enum(['Exists', 'Equal']).optional(),
  value: z.string().max(63).optional(),
  effect: z.enum(['', 'NoSchedule', 'PreferNoSchedule', 'NoExecute']).optional(),
  tolerationSeconds: z.number().int().optional(),
});

export const whereRequestSchema = z.object({
  ask: gpuAskSchema,
  /** Part of the GPU model's name, any case: `H100`, `a100-sxm4-40gb`. */
  product: z.string().min(1).max(128).optional(),
  nodeSelector: z.record(z.string().max(317), z.string().max(63)).optional(),
  /** A label selector in text form (`kubectl -l`). */
  selector: z.string().max(4096).optional(),
  /** `spec.affinity` as in a pod: its required node affinity is applied. */
  affinity: z.unknown().optional(),
  tolerations: z.array(toleration).max(64).optional(),
});

export type GpuAsk = z.infer<typeof gpuAskSchema>;
export type WhereRequest = z.infer<typeof whereRequestSchema>;

const DRIVER = /device\.driver\s*==\s*["']([^"']+)["']/;
const TYPE = /\.type\s*==\s*["'](gpu|mig)["']/;
const PROFILE = /\.profile\s*==\s*["']([^"']+)["']/;

/**
 * A DeviceClass's CEL selectors read for `device.driver == "<driver>"` and, when present, a
 * `type == "gpu"|"mig"` and `profile == "<profile>"` comparison (the shape of NVIDIA's
 * `gpu.nvidia.com` and `mig.nvidia.com` classes). Null when no selector names a driver: such a
 * class needs the scheduler's own CEL evaluation, which the panel does not imitate.
 */
export function simpleDeviceClass(dc: DeviceClass): SimpleDeviceClass | null {
  const cel = (dc.spec?.selectors ?? []).map((s) => s.cel?.expression ?? '').join(' && ');
  const driver = DRIVER.exec(cel)?.[1];
  if (!driver) return null;
  const type = TYPE.exec(cel)?.[1] as 'gpu' | 'mig' | undefined;
  const profile = PROFILE.exec(cel)?.[1];
  return { name: dc.metadata.name, driver, ...(type ? { type } : {}), ...(profile ? { profile } : {}) };
}
