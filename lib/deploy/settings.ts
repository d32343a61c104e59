/**
 * What an operator may change about the bundled stack, validated by one schema on the server and
 * in the form. Persisted in the cluster (ConfigMap imagepod-deploy-settings), never in the browser.
 */
import { MAX_REPLICAS, replicasRange } from '../replicas';
import { z } from 'zod';
import { DNS_SUBDOMAIN, labelKeyErrors, labelValueErrors } from '../label-validation';
import { parseQuantity } from '../quantity';

/** An image reference as the container runtimes accept it (distribution's grammar, lower-case repository). */
const IMAGE_REF =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
/** A registry host (with optional port and path) that replaces the registry of every image. */
const REGISTRY =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** What the container runtimes take as a registry, not a Docker Hub path: a dot, a port, or localhost. */
export function isRegistryHost(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost';
}

const MIN_STORAGE = 1024 ** 3; // 1 Gi
const MAX_STORAGE = 64 * 1024 ** 4; // 64 Ti

export const deploySettingsSchema = z.strictObject({
  registry: z
    .string()
    .max(255)
    .refine(
      (s) => s === '' || s.length > 255 || (REGISTRY.test(s) && isRegistryHost(s.split('/')[0]!)),
      'not a registry host (e.g. registry.example.com:5000/mirror)',
    ),
  apiImage: z
    .string()
    .min(1, 'required')
    .max(512)
    .regex(IMAGE_REF, 'not a valid image reference (e.g. imagepod/api:0.1.0)'),
  workerImage: z
    .string()
    .min(1, 'required')
    .max(512)
    .regex(IMAGE_REF, 'not a valid image reference (e.g. imagepod/gpu-worker:0.1.0)'),
  apiReplicas: z
    .number(`a whole number from ${replicasRange(1)}`)
    .int(`a whole number from ${replicasRange(1)}`)
    .min(1, `a whole number from ${replicasRange(1)}`)
    .max(MAX_REPLICAS, `a whole number from ${replicasRange(1)}`),
  postgresStorage: z
    .string()
    .max(32)
    .superRefine((s, ctx) => {
      const bytes = parseQuantity(s);
      if (bytes === null || !/^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.test(s))
        ctx.addIssue({ code: 'custom', message: 'a size such as 10Gi' });
      else if (bytes < MIN_STORAGE || bytes > MAX_STORAGE)
        ctx.addIssue({ code: 'custom', message: 'between 1Gi and 64Ti' });
    }),
  // 245: Grafana's Ingress gets `grafana.<host>`, which must stay within a DNS name's 253.
  ingressHost: z
    .string()
    .min(1, 'required')
    .max(245, 'at most 245 characters (Grafana is served at grafana.<host>)')
    .regex(DNS_SUBDOMAIN, 'a DNS name such as imagepod.example.com (lower case)')
    .refine((s) => !/^\d+(\.\d+){3}$/.test(s), 'a DNS name, not an IP address (an Ingress host cannot be an IP)'),
  gpuNodeLabel: z
    .string()
    .max(317)
    .superRefine((s, ctx) => {
      const eq = s.indexOf('=');
      if (eq < 0) {
        ctx.addIssue({ code: 'custom', message: 'key=value, e.g. accelerator=nvidia-tesla-gpu' });
        return;
      }
      for (const m of [...labelKeyErrors(s.slice(0, eq)), ...labelValueErrors(s.slice(eq + 1))])
        ctx.addIssue({ code: 'custom', message: m });
    }),
});

export type DeploySettings = z.infer<typeof deploySettingsSchema>;

/** The bundle as shipped (the seed's values). */
export const DEFAULT_SETTINGS: DeploySettings = {
  registry: '',
  apiImage: 'imagepod/api:0.1.0',
  workerImage: 'imagepod/gpu-worker:0.1.0',
  apiReplicas: 2,
  postgresStorage: '10Gi',
  ingressHost: 'imagepod.local',
  gpuNodeLabel: 'accelerator=nvidia-tesla-gpu',
};

export function splitLabel(s: string): [string, string] {
  const eq = s.indexOf('=');
  return [s.slice(0, eq), s.slice(eq + 1)];
}
