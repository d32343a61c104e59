import 'server-only';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

/** Where the panel's own Kubernetes identity comes from, for the health page and logs. */
export interface KubeConfigSource {
  kind: 'in-cluster' | 'KUBECONFIG' | 'home' | 'devcluster';
  path: string | null;
}

/**
 * Picks the panel's kubeconfig: in-cluster when KUBERNETES_SERVICE_HOST is set, else $KUBECONFIG,
 * else ~/.kube/config, else the devcluster's (written by devcluster/up.sh).
 */
export function resolveKubeConfigSource(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
  homeDir?: string,
): KubeConfigSource {
  if (env.KUBERNETES_SERVICE_HOST) return { kind: 'in-cluster', path: null };
  if (env.KUBECONFIG) return { kind: 'KUBECONFIG', path: env.KUBECONFIG };
  // Only now: os.homedir() throws for a uid without a passwd entry and no HOME (a container).
  const home = path.join(homeDir ?? homedir(), '.kube', 'config');
  if (existsSync(home)) return { kind: 'home', path: home };
  // turbopackIgnore: without it Next's file tracing copies the devcluster's admin kubeconfig into
  // the standalone build (and so into an image).
  return { kind: 'devcluster', path: path.join(/* turbopackIgnore: true */ cwd, '.devcluster', 'kubeconfig') };
}

function load(source: KubeConfigSource): KubeConfig {
  const kc = new KubeConfig();
  if (source.kind === 'in-cluster') kc.loadFromCluster();
  else if (source.kind === 'KUBECONFIG') kc.loadFromDefault();
  else kc.loadFromFile(source.path ?? '');
  return kc;
}

const g = globalThis as typeof globalThis & { __imagepodKubeConfig?: { kc: KubeConfig; source: KubeConfigSource } };

/** The process-wide KubeConfig, loaded once (Next may evaluate this module more than once). */
export function getKubeConfig(): KubeConfig {
  if (!g.__imagepodKubeConfig) {
    const source = resolveKubeConfigSource();
    g.__imagepodKubeConfig = { kc: load(source), source };
  }
  return g.__imagepodKubeConfig.kc;
}

/** The API server URL the panel talks to. */
export function apiServerUrl(): string | null {
  return getKubeConfig().getCurrentCluster()?.server ?? null;
}
