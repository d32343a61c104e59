import 'server-only';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { resolveKubeConfigSource } from '../kube/config';

/** Login and session settings, from the environment (README "Configuration"). */
export interface AuthSettings {
  /** Seals session cookies; ≥ 32 characters. Shared by all replicas (a Secret in-cluster). */
  sessionSecret: string;
  /** True when the secret was generated for this process: sessions end with it. */
  sessionSecretEphemeral: boolean;
  idleMs: number;
  maxAgeMs: number;
  /** Extra origins allowed to send mutating requests (behind a proxy that rewrites Host). */
  publicOrigins: string[];
  /** Local mode: the panel runs outside a cluster with a kubeconfig and offers a one-time login link. */
  localMode: boolean;
  auditNamespace: string;
  /** The panel's own namespace: where the cluster-wide list of signed-out sessions is kept. */
  panelNamespace: string;
  oidc: { issuer: string; clientId: string; clientSecret?: string; scopes: string; redirectUri?: string } | null;
  /** Trust X-Forwarded-For for the login rate limit (only behind a proxy that sets it). */
  trustProxy: boolean;
}

const namespaceName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
  .max(63);

/** Where Kubernetes mounts the namespace of a pod's ServiceAccount. */
const SA_NAMESPACE_FILE = '/var/run/secrets/kubernetes.io/serviceaccount/namespace';

/** The namespace the panel runs in: its ServiceAccount's, read from the mounted file in a cluster. */
function ownNamespace(inCluster: boolean, readFile: (p: string) => string): string | undefined {
  if (!inCluster) return undefined;
  try {
    return readFile(SA_NAMESPACE_FILE).trim() || undefined;
  } catch {
    return undefined;
  }
}

const env = z.object({
  IMAGEPOD_SESSION_SECRET: z.string().min(32, 'IMAGEPOD_SESSION_SECRET must be at least 32 characters').optional(),
  IMAGEPOD_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(60),
  IMAGEPOD_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  IMAGEPOD_PUBLIC_ORIGIN: z.string().optional(),
  IMAGEPOD_LOCAL_LOGIN: z.enum(['0', '1']).optional(),
  IMAGEPOD_AUDIT_NAMESPACE: namespaceName.default('imagepod'),
  IMAGEPOD_PANEL_NAMESPACE: namespaceName.optional(),
  IMAGEPOD_OIDC_ISSUER: z.url().optional(),
  IMAGEPOD_OIDC_CLIENT_ID: z.string().min(1).optional(),
  IMAGEPOD_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  IMAGEPOD_OIDC_SCOPES: z.string().default('openid email profile groups'),
  IMAGEPOD_OIDC_REDIRECT_URI: z.url().optional(),
  IMAGEPOD_TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

const g = globalThis as typeof globalThis & { __imagepodAuthSettings?: AuthSettings };

/**
 * Reads the settings from an environment; `readFile` reads the ServiceAccount's namespace file in
 * a cluster (the default namespace of the panel when IMAGEPOD_PANEL_NAMESPACE is not set).
 */
export function loadAuthSettings(
  source: Record<string, string | undefined> = process.env,
  readFile: (p: string) => string = (p) => readFileSync(p, 'utf8'),
): AuthSettings {
  const e = env.parse(source);
  const ephemeral = !e.IMAGEPOD_SESSION_SECRET;
  const origins = (e.IMAGEPOD_PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of origins) {
    if (new URL(o).origin !== o)
      throw new Error(`IMAGEPOD_PUBLIC_ORIGIN: "${o}" is not an origin (scheme://host[:port])`);
  }
  const inCluster = resolveKubeConfigSource(source).kind === 'in-cluster';
  return {
    sessionSecret: e.IMAGEPOD_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    sessionSecretEphemeral: ephemeral,
    idleMs: e.IMAGEPOD_SESSION_IDLE_MINUTES * 60_000,
    maxAgeMs: e.IMAGEPOD_SESSION_MAX_HOURS * 3_600_000,
    publicOrigins: origins,
    // Never in a cluster: there the panel's identity is its service account, which no one may borrow.
    localMode: !inCluster && e.IMAGEPOD_LOCAL_LOGIN !== '0',
    auditNamespace: e.IMAGEPOD_AUDIT_NAMESPACE,
    panelNamespace:
      e.IMAGEPOD_PANEL_NAMESPACE ?? namespaceName.catch('imagepod-system').parse(ownNamespace(inCluster, readFile)),
    oidc:
      e.IMAGEPOD_OIDC_ISSUER && e.IMAGEPOD_OIDC_CLIENT_ID
        ? {
            issuer: e.IMAGEPOD_OIDC_ISSUER,
            clientId: e.IMAGEPOD_OIDC_CLIENT_ID,
            clientSecret: e.IMAGEPOD_OIDC_CLIENT_SECRET,
            scopes: e.IMAGEPOD_OIDC_SCOPES,
            redirectUri: e.IMAGEPOD_OIDC_REDIRECT_URI,
          }
        : null,
    trustProxy: e.IMAGEPOD_TRUST_PROXY === '1',
  };
}

/** The process-wide settings (the generated secret must be one value per process). */
export function authSettings(): AuthSettings {
  if (!g.__imagepodAuthSettings) {
    g.__imagepodAuthSettings = loadAuthSettings();
    if (g.__imagepodAuthSettings.sessionSecretEphemeral) {
      console.warn(
        '[auth] IMAGEPOD_SESSION_SECRET is not set: sessions are sealed with a key made for this process; they end when it restarts and do not work across replicas.',
      );
    }
  }
  return g.__imagepodAuthSettings;
}
