import 'server-only';
import type { SlotLimits } from './query-slots';

/** The bundle's in-cluster Prometheus Service (manifests/imagepod/43-prometheus.yaml). */
export const IN_CLUSTER_PROMETHEUS = 'http://prometheus.imagepod.svc:9090';
/** The devcluster's Prometheus (devcluster/metrics-up.sh), for a panel run outside a cluster. */
export const DEVCLUSTER_PROMETHEUS = 'http://127.0.0.1:32750';

/**
 * The one Prometheus the panel reads, from server configuration only — never from a request, so
 * no user can point the server at another host (SSRF). IMAGEPOD_PROMETHEUS_URL wins; otherwise
 * the bundle's Service inside a cluster, the devcluster's outside one (as the kubeconfig choice
 * in lib/server/kube/config.ts does).
 */
export function prometheusUrl(env: Record<string, string | undefined> = process.env): string {
  const url =
    env.IMAGEPOD_PROMETHEUS_URL || (env.KUBERNETES_SERVICE_HOST ? IN_CLUSTER_PROMETHEUS : DEVCLUSTER_PROMETHEUS);
  return url.replace(/\/+$/, '');
}

/**
 * Limits of one Prometheus call: overall time and the largest answer read. 4 MiB holds a 24 h
 * chart of 1,000 GPUs at 300 points; an answer is held while read and again parsed, so the cap
 * times the concurrency (prometheusSlots) bounds the memory metrics can take.
 */
export function prometheusLimits(env: Record<string, string | undefined> = process.env) {
  return {
    timeoutMs: Number(env.IMAGEPOD_PROMETHEUS_TIMEOUT_MS) || 10_000,
    maxBytes: Number(env.IMAGEPOD_PROMETHEUS_MAX_BYTES) || 4 * 1024 * 1024,
  };
}

/**
 * Prometheus calls at once: 3 per session (a page's two dozen panel queries take turns) and 8 in
 * the process, up to 48 waiting per session and 200 in all, each for at most the call timeout.
 * `IMAGEPOD_PROMETHEUS_CONCURRENCY` (global) and `_SESSION_CONCURRENCY` override the first two.
 */
export function prometheusSlots(env: Record<string, string | undefined> = process.env): SlotLimits {
  return {
    perSession: Number(env.IMAGEPOD_PROMETHEUS_SESSION_CONCURRENCY) || 3,
    global: Number(env.IMAGEPOD_PROMETHEUS_CONCURRENCY) || 8,
    queuePerSession: 48,
    queueGlobal: 200,
    waitMs: prometheusLimits(env).timeoutMs,
  };
}
