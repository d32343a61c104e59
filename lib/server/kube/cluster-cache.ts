import 'server-only';
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { worstState, type CacheHealth } from '../../health';
import type { KubeEvent, KubeObject, Node, Pod, Workload } from '../../kube-types';
import {
  toEventRow, toNodeRow, toPodRow, toWorkloadRow,
  type EventRow, type NodeRow, type PodRow, type ViewDelta, type ViewName, type WorkloadRow,
} from '../../views';
import { CACHED_RESOURCES as CACHED, RESOURCES, WORKLOAD_KIND_OF, isWorkloadResource, type CachedResource } from '../../kube-resources';
import { apiServerUrl, getKubeConfig } from './config';
import { Reflector, type ResourceDef, type StoreEvent } from './reflector';
import { resourcePath } from './transport';
import { ViewStore } from './view-store';

/**
 * What the cache tells its subscribers; `frame` is the message already encoded as an SSE event,
 * once for all streams (a big rollout delta is not re-serialised per open tab).
 */
export type CacheMessage =
  | { type: 'delta'; delta: ViewDelta; frame: string }
  | { type: 'health'; health: CacheHealth; frame: string };

const sseFrame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** What the cache mirrors: every cached resource of the table, listed and watched cluster-wide. */
export const CACHED_RESOURCES: readonly ResourceDef[] = CACHED.map((name) => ({ name, kind: RESOURCES[name].kind, path: resourcePath(RESOURCES[name]) }));

/**
 * The process-wide watch cache: one Reflector per resource, the browser views projected from
 * them, and a fan-out of batched deltas to every open stream. However many tabs are open, the
 * API server sees one LIST and one WATCH per resource from this process.
 */
export class ClusterCache {
  readonly epoch = randomUUID();
  readonly reflectors = new Map<CachedResource, Reflector>();
  readonly views = {
    nodes: new ViewStore<NodeRow>('nodes', this.epoch),
    pods: new ViewStore<PodRow>('pods', this.epoch),
    workloads: new ViewStore<WorkloadRow>('workloads', this.epoch),
    events: new ViewStore<EventRow>('events', this.epoch),
  };
  private readonly listeners = new Set<(m: CacheMessage) => void>();
  private flushTimer: NodeJS.Timeout | null = null;
  private healthDirty = false;
  private started = false;

  constructor(private readonly kc: KubeConfig, private readonly flushMs = 200) {
    for (const def of CACHED_RESOURCES) {
      this.reflectors.set(def.name, new Reflector(kc, def, {
        onEvent: (e) => this.project(def.name, e),
        onHealth: () => { this.healthDirty = true; },
      }));
    }
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const r of this.reflectors.values()) r.start();
    this.flushTimer = setInterval(() => this.flush(), this.flushMs);
    this.flushTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    await Promise.all([...this.reflectors.values()].map((r) => r.stop()));
  }

  /** Raw cached objects of one resource (full objects minus managedFields). */
  objects<T extends KubeObject>(resource: CachedResource): T[] {
    return [...(this.reflectors.get(resource)?.store.values() ?? [])] as T[];
  }

  /** One raw cached object by key (`namespace/name`, or `name` for nodes). */
  object<T extends KubeObject>(resource: CachedResource, key: string): T | undefined {
    return this.reflectors.get(resource)?.store.get(key) as T | undefined;
  }

  health(): CacheHealth {
    const resources = Object.fromEntries([...this.reflectors].map(([n, r]) => [n, r.getHealth()]));
    const all = Object.values(resources);
    const state = worstState(all.map((h) => h.state));
    const worst = all.filter((h) => h.state === state);
    return {
      state,
      lastError: all.map((h) => h.lastError).find(Boolean) ?? null,
      since: worst.map((h) => h.since).sort().at(-1) ?? new Date().toISOString(),
      server: apiServerUrl(),
      resources,
    };
  }

  /** True once every resource has been listed at least once. */
  everSynced(): boolean {
    return [...this.reflectors.values()].every((r) => r.getHealth().listedAt !== null);
  }

  revisions(): Record<ViewName, number> {
    return {
      nodes: this.views.nodes.getRevision(), pods: this.views.pods.getRevision(),
      workloads: this.views.workloads.getRevision(), events: this.views.events.getRevision(),
    };
  }

  subscribe(fn: (m: CacheMessage) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  listenerCount(): number {
    return this.listeners.size;
  }

  private project(resource: CachedResource, e: StoreEvent<KubeObject>): void {
    if (resource === 'nodes') {
      if (e.type === 'delete') this.views.nodes.delete(e.key);
      else this.views.nodes.upsert(toNodeRow(e.object as Node));
    } else if (resource === 'pods') {
      if (e.type === 'delete') this.views.pods.delete(e.key);
      else this.views.pods.upsert(toPodRow(e.object as Pod));
    } else if (resource === 'events') {
      if (e.type === 'delete') this.views.events.delete(e.key);
      else this.views.events.upsert(toEventRow(e.object as KubeEvent));
    } else if (isWorkloadResource(resource)) {
      const kind = WORKLOAD_KIND_OF[resource];
      if (e.type === 'delete') this.views.workloads.delete(`${kind}/${e.key}`);
      else this.views.workloads.upsert(toWorkloadRow(kind, e.object as Workload));
    }
  }

  private flush(): void {
    const messages: CacheMessage[] = [];
    for (const v of Object.values(this.views)) {
      const d = v.takeDelta();
      if (d) messages.push({ type: 'delta', delta: d as ViewDelta, frame: sseFrame('delta', d) });
    }
    if (this.healthDirty) {
      this.healthDirty = false;
      const health = this.health();
      messages.push({ type: 'health', health, frame: sseFrame('health', health) });
    }
    if (messages.length === 0) return;
    for (const fn of this.listeners) for (const m of messages) fn(m);
  }
}

const g = globalThis as typeof globalThis & { __imagepodClusterCache?: ClusterCache };

/** The one cache of this server process, started on first use. */
export function getClusterCache(): ClusterCache {
  if (!g.__imagepodClusterCache) {
    g.__imagepodClusterCache = new ClusterCache(getKubeConfig());
    g.__imagepodClusterCache.start();
  }
  return g.__imagepodClusterCache;
}
