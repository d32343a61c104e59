import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject, KubeStatus } from '../../kube-types';
import type { ResourceHealth, SyncState } from '../../health';
import type { CachedResource } from '../../kube-resources';
import { Backoff } from '../../backoff';
import { KubeError, fromResponse, toKubeError } from './errors';
import { kubeRequest, kubeWatch, type WatchEvent } from './transport';

/** What one Reflector mirrors: the cache's name for it, its kind, its cluster-wide collection path. */
export interface ResourceDef {
  name: CachedResource;
  kind: string;
  path: string;
  /** The group may be absent from the cluster: a 404 on LIST means "not served", not a failure. */
  optional?: boolean;
}

export type StoreEvent<T> = { type: 'upsert'; key: string; object: T } | { type: 'delete'; key: string; object: T };

interface ListPage<T> {
  metadata?: { resourceVersion?: string; continue?: string };
  items: T[];
}

export interface ReflectorOptions {
  /** Objects per LIST page. */
  pageSize?: number;
  /** Called for every change of the store, in order. */
  onEvent: (e: StoreEvent<KubeObject>) => void;
  /** Called when the health changes. */
  onHealth: () => void;
  /** How long to wait before asking again for a resource the cluster does not serve. */
  notServedRecheckMs?: number;
}

/**
 * An optional group is asked for again this rarely: it appears only when the cluster is
 * reconfigured. One LIST a minute costs nothing, and a 404 caught while an API server starts up
 * hides the group for a minute at most.
 */
export const NOT_SERVED_RECHECK_MS = 60_000;

const keyOf = (o: KubeObject) =>
  o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name;

/** Drops what the panel never reads and that weighs the most: managedFields. */
function strip<T extends KubeObject>(o: T): T {
  if (o.metadata.managedFields) delete o.metadata.managedFields;
  return o;
}

class Gone extends Error {}

/**
 * Mirrors one resource: LIST (chunked) once, then WATCH from the list's resourceVersion,
 * resuming from the last seen resourceVersion after a dropped connection and re-LISTing only
 * when the API server answers 410 Gone. Failures back off with jitter. resourceVersions are
 * opaque strings: stored and sent back, never compared.
 */
export class Reflector {
  readonly store = new Map<string, KubeObject>();
  private resourceVersion: string | null = null;
  private stopped = false;
  private abort: AbortController | null = null;
  private readonly backoff = new Backoff();
  private health: ResourceHealth = {
    state: 'starting',
    objects: 0,
    lastError: null,
    listedAt: null,
    since: new Date().toISOString(),
  };
  private running: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly kc: KubeConfig,
    readonly def: ResourceDef,
    private readonly opts: ReflectorOptions,
  ) {}

  getHealth(): ResourceHealth {
    return { ...this.health, objects: this.store.size };
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort?.abort();
    this.wake?.();
    await this.running;
  }

  private setState(state: SyncState, lastError: string | null = this.health.lastError): void {
    if (state === this.health.state && lastError === this.health.lastError) return;
    this.health = {
      ...this.health,
      state,
      lastError,
      since: state === this.health.state ? this.health.since : new Date().toISOString(),
    };
    this.opts.onHealth();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        if (this.resourceVersion === null) await this.list();
        const started = Date.now();
        await this.watch();
        // A watch the server closes at once (e.g. while shutting down) must not become a busy loop.
        if (Date.now() - started < 1000) await this.sleep(this.backoff.next());
      } catch (e) {
        if (this.stopped) break;
        if (e instanceof Gone) {
          this.resourceVersion = null;
          continue;
        }
        const err = toKubeError(e);
        // An optional group the API server does not serve answers 404 to LIST (and to a WATCH
        // once it goes away): empty the store and ask again rarely, not with the fast backoff.
        if (this.def.optional && err.code === 'NOT_FOUND') {
          this.markNotServed();
          await this.sleep(this.opts.notServedRecheckMs ?? NOT_SERVED_RECHECK_MS);
          continue;
        }
        // 401/403 will not fix themselves by retrying fast; still retry (RBAC may be granted).
        this.setState(
          err.code === 'FORBIDDEN' || err.code === 'UNAUTHORIZED'
            ? 'failed'
            : this.health.listedAt
              ? 'reconnecting'
              : 'starting',
          `${this.def.name}: ${err.message}`,
        );
        await this.sleep(this.backoff.next());
      }
    }
  }

  private markNotServed(): void {
    for (const [k, old] of this.store) {
      this.store.delete(k);
      this.opts.onEvent({ type: 'delete', key: k, object: old });
    }
    this.resourceVersion = null;
    this.backoff.reset();
    // No lastError: the absence is not an error, and the cache's lastError names real failures.
    this.setState('not-served', null);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  /** Chunked LIST; replaces the store and emits only the differences. */
  private async list(): Promise<void> {
    const fresh = new Map<string, KubeObject>();
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      let page: ListPage<KubeObject>;
      try {
        page = await kubeRequest<ListPage<KubeObject>>(this.kc, this.def.path, {
          query: { limit: this.opts.pageSize ?? 500, continue: cont },
          timeoutMs: 60_000,
        });
      } catch (e) {
        // An expired continue token: start the LIST over rather than mixing two snapshots.
        if (e instanceof KubeError && e.code === 'GONE' && cont) {
          fresh.clear();
          cont = undefined;
          rv = undefined;
          continue;
        }
        throw e;
      }
      rv ??= page.metadata?.resourceVersion;
      for (const o of page.items) fresh.set(keyOf(o), strip(o));
      cont = page.metadata?.continue || undefined;
    } while (cont && !this.stopped);

    for (const [k, old] of this.store)
      if (!fresh.has(k)) {
        this.store.delete(k);
        this.opts.onEvent({ type: 'delete', key: k, object: old });
      }
    for (const [k, o] of fresh) {
      const old = this.store.get(k);
      if (old && old.metadata.resourceVersion === o.metadata.resourceVersion) continue;
      this.store.set(k, o);
      this.opts.onEvent({ type: 'upsert', key: k, object: o });
    }
    this.resourceVersion = rv ?? null;
    this.health = { ...this.health, listedAt: new Date().toISOString() };
    this.backoff.reset();
    this.setState('synced', null);
  }

  /** One WATCH connection; resolves when the server ends it normally, throws on failure. */
  private async watch(): Promise<void> {
    this.abort = new AbortController();
    // The server closes the watch after timeoutSeconds (randomised, as client-go does, so
    // reflectors do not reconnect in lockstep).
    const timeoutSeconds = 300 + Math.floor(Math.random() * 300);
    let failed: Error | null = null;
    const onEvent = ({ type, object }: WatchEvent) => {
      if (type === 'ERROR') {
        const st = object as KubeStatus;
        failed =
          st.code === 410 || st.reason === 'Expired' || st.reason === 'Gone'
            ? new Gone()
            : fromResponse(st.code ?? 500, st);
        this.abort?.abort();
        return;
      }
      const o = object as KubeObject;
      if (o.metadata?.resourceVersion) this.resourceVersion = o.metadata.resourceVersion;
      if (type === 'BOOKMARK') return;
      const key = keyOf(o);
      if (type === 'DELETED') {
        this.store.delete(key);
        this.opts.onEvent({ type: 'delete', key, object: o });
      } else {
        this.store.set(key, strip(o));
        this.opts.onEvent({ type: 'upsert', key, object: o });
      }
    };
    const onOpen = () => {
      this.backoff.reset();
      this.setState('synced', null);
    };
    try {
      await kubeWatch(
        this.kc,
        this.def.path,
        { resourceVersion: this.resourceVersion ?? undefined, allowWatchBookmarks: true, timeoutSeconds },
        { onEvent, onOpen },
        // The server ends every watch at timeoutSeconds, so silence well past that means a dead
        // peer. Not shorter: the API server sends no bookmarks on events, and a quiet events
        // watch cut early would come back to an expired resourceVersion and a full re-list.
        { signal: this.abort.signal, idleTimeoutMs: (timeoutSeconds + 60) * 1000 },
      );
    } catch (e) {
      if (!failed && toKubeError(e).code === 'GONE') failed = new Gone();
      if (!failed) throw e;
    } finally {
      this.abort = null;
    }
    if (failed) throw failed;
  }
}
