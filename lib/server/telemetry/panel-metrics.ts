import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { getClusterCache } from '../kube/cluster-cache';
import { logWork, openLogStreams } from '../logs/registry';
import { openLiveStreams } from '../stream/live-hub';
import { streamCounts } from '../stream/channels';

const SYNC_STATES = ['starting', 'synced', 'reconnecting', 'failed', 'not-served'] as const;

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'imagepod_panel_' });
  const requests = new Counter({
    name: 'imagepod_panel_http_requests_total',
    help: 'API requests answered, by method, area (/api/<area>) and status.',
    labelNames: ['method', 'area', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'imagepod_panel_http_request_duration_seconds',
    help: 'Time to answer an API request (streams: until the response starts).',
    labelNames: ['method', 'area'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  new Gauge({
    name: 'imagepod_panel_sse_clients',
    help: 'Open live streams (browser tabs) fed by the watch cache.',
    registers: [registry],
    collect() {
      // One cache subscription feeds every stream (live-hub.ts): count the streams, not listeners.
      this.set(openLiveStreams().total);
    },
  });
  new Gauge({
    name: 'imagepod_panel_stream_channels',
    help: 'Open shared streams (one per browser; one per tab where SharedWorker is missing).',
    registers: [registry],
    collect() {
      this.set(streamCounts().channels);
    },
  });
  new Gauge({
    name: 'imagepod_panel_stream_subscriptions',
    help: 'Subscriptions carried by the shared streams, by topic.',
    labelNames: ['topic'] as const,
    registers: [registry],
    collect() {
      for (const [topic, n] of Object.entries(streamCounts().subscriptions)) this.set({ topic }, n);
    },
  });
  new Gauge({
    name: 'imagepod_panel_log_streams',
    help: 'Open log streams (their own route and subscriptions alike).',
    registers: [registry],
    collect() {
      this.set(openLogStreams().total);
    },
  });
  new Gauge({
    name: 'imagepod_panel_log_followers',
    help: "Upstream container log requests the log streams hold (each with a user's token).",
    registers: [registry],
    collect() {
      this.set(logWork.followers);
    },
  });
  new Gauge({
    name: 'imagepod_panel_watch_cache_state',
    help: 'The watch cache state: 1 for the current state, 0 for the others.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const now = getClusterCache().health().state;
      for (const s of SYNC_STATES) this.set({ state: s }, s === now ? 1 : 0);
    },
  });
  new Gauge({
    name: 'imagepod_panel_watch_cache_objects',
    help: 'Objects held by the watch cache, per resource.',
    labelNames: ['resource'] as const,
    registers: [registry],
    collect() {
      for (const [resource, h] of Object.entries(getClusterCache().health().resources))
        this.set({ resource }, h.objects ?? 0);
    },
  });
  const deploys = new Counter({
    name: 'imagepod_panel_deploys_total',
    help: 'Deploys and undeploys of the bundled stack run by this server, by kind and result.',
    labelNames: ['kind', 'result'] as const,
    registers: [registry],
  });
  const deploySeconds = new Histogram({
    name: 'imagepod_panel_deploy_duration_seconds',
    help: 'Wall time of a deploy or undeploy, start to last gate.',
    labelNames: ['kind'] as const,
    buckets: [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  return { registry, requests, duration, deploys, deploySeconds };
}

const g = globalThis as typeof globalThis & { __imagepodPanelMetrics?: ReturnType<typeof create> };

/**
 * The panel's own metrics, one registry per process (on globalThis: Next bundles routes apart).
 * The hook for later areas: log streams register their own Counter/Gauge on
 * `panelMetrics().registry` when they land — nothing is exported for them before they exist.
 */
export function panelMetrics() {
  g.__imagepodPanelMetrics ??= create();
  return g.__imagepodPanelMetrics;
}

/** Counts one answered API request; `path` is reduced to its area so labels stay few. */
export function recordRequest(method: string, path: string, status: number, seconds: number): void {
  const area = /^\/api\/([a-z-]+)/.exec(path)?.[1] ?? 'other';
  const m = panelMetrics();
  m.requests.inc({ method, area, status: String(status) });
  m.duration.observe({ method, area }, seconds);
}

/** Counts one finished deploy or undeploy. */
export function recordDeploy(kind: 'deploy' | 'undeploy', ok: boolean, seconds: number): void {
  const m = panelMetrics();
  m.deploys.inc({ kind, result: ok ? 'succeeded' : 'failed' });
  m.deploySeconds.observe({ kind }, seconds);
}
