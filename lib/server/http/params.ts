import 'server-only';
import { z } from 'zod';
import { labelEditsSchema } from '../../label-validation';
import type { WorkloadResource } from '../../kube-resources';

/** A Kubernetes object name (DNS subdomain): refused before it can become part of an API path. */
export const objectName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'not a valid name');
/** A namespace name (DNS label). */
export const namespaceName = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'not a valid namespace name');

/** Path parameters of a workload route, limited to the kinds the action applies to. */
export function workloadParams<K extends WorkloadResource>(kinds: readonly [K, ...K[]], why: string) {
  return z.object({ kind: z.enum(kinds, why), namespace: namespaceName, name: objectName });
}

/** Path parameters of a CronJob action (`/api/workloads/cronjobs/<namespace>/<name>/…`). */
export const cronJobParams = z.object({
  kind: z.literal('cronjobs', 'only cronjobs are suspended, resumed and run by hand'),
  namespace: namespaceName,
  name: objectName,
});

/** Path parameters of a node route. */
export const nodeParams = z.object({ name: objectName });

/** A resourceVersion as read from an object: opaque, sent back untouched as a precondition. */
export const resourceVersion = z
  .string('resourceVersion is required: send the one the object was read at')
  .min(1)
  .max(64);

/** The label edits of one request: at least one, at most 100, each key once (lib/label-validation.ts rules). */
export const labelEditsBody = labelEditsSchema
  .refine((e) => e.length > 0, 'add at least one label edit')
  .refine((e) => e.length <= 100, 'at most 100 label edits at once');

/** Path parameters of a pod route. */
export const podParams = z.object({ namespace: namespaceName, name: objectName });
