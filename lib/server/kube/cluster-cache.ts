import 'server-only';
import { randomUUID } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { worstState, type CacheHealth } from '../../health';
import { toCronJobRow, type CronJobRow } from '../../batch/cronjob-row';
import { toJobRow, type JobRow } from '../../batch/job-row';
import type { CronJob, Job } from '../../batch/types';
import type { KubeEvent, KubeObject, Node, Pod, Workload } from '../../kube-types';
import {
  toEventRow,
  toNodeRow,
  toPodRow,
  toWorkloadRow,
  type EventRow,
  type NodeRow,
  type PodRow,
  type Row,
  type ViewDelta,
  type ViewName,
  type WorkloadRow,
} from '../../views';
import {
  toDeviceClassRow,
  toResourceClaimRow,
  toResourceClaimTemplateRow,
  toResourceSliceRow,
  type DeviceClassRow,
  type ResourceClaimRow,
  type ResourceClaimTemplate,
  type ResourceClaimTemplateRow,
  type ResourceSliceRow,
} from '../../dra-rows';
import type { DeviceClass, ResourceClaim, ResourceSlice } from '../../gpu/dra-types';
import {
  CACHED_RESOURCES as CACHED,
  RESOURCES,
  WORKLOAD_KIND_OF,
  isWorkloadResource,
  type CachedResource,
  type ResourceType,
} from '../../kube-resources';
import { apiServerUrl, getKubeConfig } from './config';
import { Reflector, type ResourceDef, type StoreEvent } from './reflector';
import { resourcePath } from './transport';
import { ViewStore } from './view-store';

/**
 * What the cache tells its subscribers; `frame` is the message already encoded as an SSE event,
 * once for all streams (a big rollout delta is not re-serialised per open tab).
 */
export type CacheMessage =
  { type: 'delta'; delta: ViewDelta; frame: string } | { type: 'health'; health: CacheHealth; frame: string };

const sseFrame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** What the cache mirrors: every cached resource of the table, listed and watched cluster-wide. */
export const CACHED_RESOURCES: readonly ResourceDef[] = CACHED.map((name) => {
  const t: ResourceType = RESOURCES[name];
  return { name, kind: t.kind, path: resourcePath(t), optional: t.optional === true };
});

/** The DRA views: each projects the cached resource of the same name. */
type DraView = 'deviceclasses' | 'resourceslices' | 'resourceclaims' | 'resourceclaimtemplates';
const DRA_VIEWS: ReadonlySet<string> = new Set<DraView>([
  'deviceclasses',
  'resourceslices',
  'resourceclaims',
  'resourceclaimtemplates',
]);
const isDraView = (r: string): r is DraView => DRA_VIEWS.has(r);

function draRow(view: DraView, o: KubeObject): Row {
  switch (view) {
    case 'deviceclasses':
      return toDeviceClassRow(o as DeviceClass);
    case 'resourceslices':
      return toResourceSliceRow(o as ResourceSlice);
    case 'resourceclaims':
      return toResourceClaimRow(o as ResourceClaim);
    case 'resourceclaimtemplates':
      return toResourceClaimTemplateRow(o as ResourceClaimTemplate);
  }
}

export interface ClusterCacheOptions {
  /** What to mirror; the table's cached resources unless a test gives its own entries. */
  resources?: readonly ResourceDef[];
  /** Passed to each reflector: how long before asking again for a group the cluster does not serve. */
  notServedRecheckMs?: number;
}

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
    jobs: new ViewStore<JobRow>('jobs', this.epoch),
    cronjobs: new ViewStore<CronJobRow>('cronjobs', this.epoch),
    deviceclasses: new ViewStore<DeviceClassRow>('deviceclasses', this.epoch),
    resourceslices: new ViewStore<ResourceSliceRow>('resourceslices', this.epoch),
    resourceclaims: new ViewStore<ResourceClaimRow>('resourceclaims', this.epoch),
    resourceclaimtemplates: new ViewStore<ResourceClaimTemplateRow>('resourceclaimtemplates', this.epoch),
  } satisfies { [V in ViewName]: ViewStore<Row> };
  private readonly listeners = new Set<(m: CacheMessage) => void>();
  private flushTimer: NodeJS.Timeout | null = null;
  private healthDirty = false;
  private started = false;
  /** When the cache last stopped being synced (epoch ms); null while it is. Not synced before the first LIST. */
  private unsyncedAt: number | null = Date.now();

  constructor(
    private readonly kc: KubeConfig,
    private readonly flushMs = 200,
    opts: ClusterCacheOptions = {},
  ) {
    for (const def of opts.resources ?? CACHED_RESOURCES) {
      this.reflectors.set(
        def.name,
        new Reflector(kc, def, {
          onEvent: (e) => this.project(def.name, e),
          onHealth: () => {
            this.healthDirty = true;
            this.noteSync();
          },
          notServedRecheckMs: opts.notServedRecheckMs,
        }),
      );
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

  /** The names of the namespaces that exist (as last seen by the watch), unsorted. */
  namespaceNames(): string[] {
    return [...(this.reflectors.get('namespaces')?.store.keys() ?? [])];
  }

  health(): CacheHealth {
    const resources = Object.fromEntries([...this.reflectors].map(([n, r]) => [n, r.getHealth()]));
    const all = Object.values(resources);
    const state = worstState(all.map((h) => h.state));
    const worst = all.filter((h) => h.state === state);
    return {
      state,
      lastError: all.map((h) => h.lastError).find(Boolean) ?? null,
      since:
        worst
          .map((h) => h.since)
          .sort()
          .at(-1) ?? new Date().toISOString(),
      server: apiServerUrl(),
      resources,
    };
  }

  /** True once every resource has been listed at least once, or found not served by the cluster. */
  everSynced(): boolean {
    return [...this.reflectors.values()].every((r) => {
      const h = r.getHealth();
      return h.listedAt !== null || h.state === 'not-served';
    });
  }

  /**
   * Since when (epoch ms) the cache has not been synced without a break — some resource starting,
   * reconnecting or failed — or null while every resource is synced (or not served). Readiness
   * (app/api/readyz) turns false when this is older than its grace.
   */
  unsyncedSince(): number | null {
    return this.unsyncedAt;
  }

  private noteSync(): void {
    const synced = [...this.reflectors.values()].every((r) => {
      const s = r.getHealth().state;
      return s === 'synced' || s === 'not-served';
    });
    if (synced) this.unsyncedAt = null;
    else this.unsyncedAt ??= Date.now();
  }

  revisions(): Record<ViewName, number> {
    const out = {} as Record<ViewName, number>;
    for (const [name, v] of Object.entries(this.views) as [ViewName, ViewStore<Row>][]) out[name] = v.getRevision();
    return out;
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
    } else if (resource === 'jobs') {
      if (e.type === 'delete') this.views.jobs.delete(e.key);
      else this.views.jobs.upsert(toJobRow(e.object as Job));
    } else if (resource === 'cronjobs') {
      if (e.type === 'delete') this.views.cronjobs.delete(e.key);
      else this.views.cronjobs.upsert(toCronJobRow(e.object as CronJob));
    } else if (isDraView(resource)) {
      const view: ViewStore<Row> = this.views[resource];
      if (e.type === 'delete') view.delete(e.key);
      else view.upsert(draRow(resource, e.object));
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
