import 'server-only';
import { panelFieldManager } from '../../field-manager/field-manager';
import type { KubeConfig } from '@kubernetes/client-node';
import { Backoff } from '../../backoff';
import {
  MAX_REVOCATIONS,
  holdsAll,
  isSid,
  mergeRevocations,
  parseRevocations,
  revocationData,
  type Revocations,
} from '../../auth/revocation-list';
import { RESOURCES } from '../../kube-resources';
import { getKubeConfig } from '../kube/config';
import { KubeError } from '../kube/errors';
import { kubeRequest, resourcePath } from '../kube/transport';
import { authSettings } from './settings';

/**
 * Sign-out everywhere. A signed-out session's id goes into one ConfigMap in the panel's own
 * namespace (manifests/dashboard/revocations.yaml), written with the panel's identity — whose only
 * write right in that namespace is `get` and `update` of exactly this object (rbac.yaml) — with
 * optimistic concurrency (the resourceVersion read; a 409 reads again and merges). Every replica
 * reads it every POLL_MS and refuses the ids it holds. Polling one object rather than watching it:
 * a `get` is the whole right it needs (a watch would also need list/watch narrowed by a field
 * selector), an API server restart needs no resume logic, and the cost is one small GET per
 * replica every 2 s. What a replica has learnt it never forgets before the session's own expiry:
 * an unreadable (or deleted) object keeps the last known list.
 */

/** The ConfigMap's name; fixed, because the RBAC grant names it (`resourceNames`). */
export const REVOCATIONS_NAME = 'imagepod-dashboard-revocations';
/** How often every replica reads the list. */
export const POLL_MS = 2_000;
/** How long a sign-out that could not be written to the cluster is retried in the background. */
export const RETRY_FOR_MS = 10 * 60_000;
/** Ids a replica keeps in memory at most (its own and the cluster's). */
const MAX_KNOWN = 2 * MAX_REVOCATIONS;
/** Read-merge-write rounds one flush tries when other replicas keep winning the race (409). */
const MAX_CONFLICTS = 8;

/** One read of the list: its data as stored and the version a write must name. */
export interface RevocationSnapshot {
  version: string;
  data: Record<string, unknown>;
  /** The object as read, sent back with the new data (labels and annotations kept). */
  object: unknown;
}

/** Where the list is kept: the ConfigMap in the cluster, or a stand-in in unit tests. */
export interface RevocationStore {
  /** What `kubectl` would call it, for log lines. */
  readonly name: string;
  /** The list as stored; null when the object does not exist. */
  read(): Promise<RevocationSnapshot | null>;
  /**
   * Replaces the data of what was read (or creates the object when `prev` is null); 'conflict'
   * when someone wrote (or created it) in between.
   */
  write(prev: RevocationSnapshot | null, data: Record<string, string>): Promise<'ok' | 'conflict'>;
}

interface ConfigMap {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; [k: string]: unknown };
  data?: Record<string, unknown>;
}

/**
 * The ConfigMap `namespace/REVOCATIONS_NAME` through the API server. Creating it when missing is
 * tried once per write: it works with a kubeconfig's admin identity (local mode, the devcluster);
 * in a cluster the manifests create it and the ServiceAccount may not.
 */
export function configMapStore(kc: () => KubeConfig, namespace: string, name = REVOCATIONS_NAME): RevocationStore {
  const one = resourcePath(RESOURCES.configmaps, { namespace, name });
  const collection = resourcePath(RESOURCES.configmaps, { namespace });
  const conflict = (e: unknown) => e instanceof KubeError && e.code === 'CONFLICT';
  return {
    name: `ConfigMap ${namespace}/${name}`,
    async read() {
      try {
        const cm = await kubeRequest<ConfigMap>(kc(), one, { timeoutMs: 5_000 });
        return { version: cm.metadata.resourceVersion ?? '', data: cm.data ?? {}, object: cm };
      } catch (e) {
        if (e instanceof KubeError && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
    async write(prev, data) {
      try {
        if (!prev) {
          await kubeRequest(kc(), collection, {
            method: 'POST',
            fieldManager: panelFieldManager('revocations'),
            body: {
              apiVersion: 'v1',
              kind: 'ConfigMap',
              metadata: {
                name,
                namespace,
                labels: { 'app.kubernetes.io/name': 'imagepod-dashboard', 'app.kubernetes.io/part-of': 'imagepod' },
              },
              data,
            },
            timeoutMs: 5_000,
          });
        } else {
          const cm = prev.object as ConfigMap;
          // The resourceVersion read makes this a compare-and-swap: a write in between is a 409.
          await kubeRequest(kc(), one, {
            method: 'PUT',
            fieldManager: panelFieldManager('revocations'),
            body: { ...cm, metadata: { ...cm.metadata, resourceVersion: prev.version }, data },
            timeoutMs: 5_000,
          });
        }
        return 'ok';
      } catch (e) {
        if (conflict(e)) return 'conflict';
        throw e;
      }
    },
  };
}

export interface RevocationSyncOptions {
  pollMs?: number;
  retryForMs?: number;
  /** Entries the stored list keeps at most. */
  cap?: number;
  /** Sessions learnt from the cluster (signed out on another replica): end their streams here. */
  onRevoked?: (sids: string[]) => void;
  now?: () => number;
  log?: { warn: (m: string) => void; error: (m: string) => void };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * One replica's view of the list: what it knows (its own sign-outs at once, the cluster's within a
 * poll), and the sign-outs it still has to write.
 */
export class RevocationSync {
  private known: Revocations = new Map();
  /** Sign-outs not yet in the cluster: id → { expiry, give up at }. */
  private readonly pending = new Map<string, { exp: number; until: number }>();
  private version: string | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly retryBackoff = new Backoff(2_000, 30_000);
  private firstPoll: Promise<void> | null = null;
  private flushing: Promise<void> | null = null;
  private stopped = false;
  /** The last read failure logged, so a long outage logs once, not every poll. */
  private readFailure: string | null = null;
  private onRevoked: ((sids: string[]) => void) | undefined;
  private readonly now: () => number;
  private readonly log: NonNullable<RevocationSyncOptions['log']>;

  constructor(
    readonly store: RevocationStore,
    private readonly opts: RevocationSyncOptions = {},
  ) {
    this.now = opts.now ?? Date.now;
    this.onRevoked = opts.onRevoked;
    this.log = opts.log ?? { warn: (m) => console.warn(m), error: (m) => console.error(m) };
  }

  /** True when the session was signed out here or anywhere the list has told us of. */
  isRevoked(sid: string): boolean {
    const exp = this.known.get(sid);
    return exp !== undefined && exp > this.now();
  }

  /** Refuses the session on this replica from now on (no cluster write). */
  revokeHere(sid: string, exp: number): void {
    this.known = mergeRevocations(this.known, [[sid, exp]], this.now(), MAX_KNOWN);
  }

  /**
   * Refuses the session here at once and writes it to the cluster's list, waiting at most
   * `waitMs` for that write. False when it is not written yet: it is then retried in the
   * background for RETRY_FOR_MS (`lastError` says why it failed).
   */
  async revokeEverywhere(sid: string, exp: number, waitMs = 3_000): Promise<{ written: boolean; error?: string }> {
    this.revokeHere(sid, exp);
    if (exp <= this.now()) return { written: true };
    // Never reached from a session (openSession refuses such an id): nothing the list cannot hold.
    if (!isSid(sid)) return { written: false, error: 'not a session id' };
    this.pending.set(sid, { exp, until: this.now() + (this.opts.retryForMs ?? RETRY_FOR_MS) });
    let error: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    // A flush already under way may have taken its batch before this id: flush until it is written.
    const write = async () => {
      while (this.pending.has(sid)) await this.flush();
    };
    await Promise.race([
      write().catch((e: unknown) => {
        error = message(e);
      }),
      new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          error ??= `no answer from the API server within ${waitMs} ms`;
          resolve();
        }, waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
    return this.pending.has(sid) ? { written: false, error } : { written: true };
  }

  /** Starts reading the list every poll interval (the first read at once). */
  start(): void {
    if (this.firstPoll || this.stopped) return;
    const every = this.opts.pollMs ?? POLL_MS;
    const next = (): void => {
      if (!this.stopped) this.pollTimer = setTimeout(() => void this.poll().then(next), every).unref();
    };
    this.firstPoll = this.poll();
    void this.firstPoll.then(next);
  }

  /** Calls `fn` with the ids learnt from the cluster (sessions signed out on another replica). */
  listen(fn: (sids: string[]) => void): void {
    this.onRevoked = fn;
  }

  /**
   * Settles once the first read after start has been answered (or failed), at most `maxWaitMs`:
   * a restarted replica does not accept a signed-out session just because it has not read yet.
   */
  async ready(maxWaitMs = 5_000): Promise<void> {
    if (!this.firstPoll) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.firstPoll,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, maxWaitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /** Whether `start` has run: only then do sessions wait for the first read. */
  get started(): boolean {
    return this.firstPoll !== null;
  }

  stop(): void {
    this.stopped = true;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /** Sign-outs waiting to be written (for tests and the health of the feature). */
  pendingCount(): number {
    return this.pending.size;
  }

  /** Reads the list and learns what it holds; keeps the last known list when it cannot. */
  private async poll(): Promise<void> {
    let snap: RevocationSnapshot | null;
    try {
      snap = await this.store.read();
    } catch (e) {
      const why = message(e);
      if (why !== this.readFailure)
        this.log.warn(
          `[auth] cannot read ${this.store.name} (${why}); keeping the ${this.known.size} sign-outs known so far`,
        );
      this.readFailure = why;
      return;
    }
    if (this.readFailure) this.log.warn(`[auth] ${this.store.name} is readable again`);
    this.readFailure = null;
    if (snap) this.learn(snap);
  }

  /** Merges a read of the list into what this replica knows; reports ids it learns from it. */
  private learn(snap: RevocationSnapshot): void {
    if (snap.version && snap.version === this.version) return;
    this.version = snap.version || null;
    const now = this.now();
    const remote = parseRevocations(snap.data, now);
    const fresh = [...remote.keys()].filter((sid) => !this.known.has(sid));
    this.known = mergeRevocations(this.known, remote, now, MAX_KNOWN);
    if (!fresh.length) return;
    try {
      this.onRevoked?.(fresh);
    } catch (e) {
      this.log.error(`[auth] ending the streams of sessions signed out elsewhere failed: ${message(e)}`);
    }
  }

  /** Writes every pending sign-out (one at a time: concurrent calls share the flush in flight). */
  private flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    try {
      for (let attempt = 0; attempt < MAX_CONFLICTS; attempt++) {
        const now = this.now();
        for (const [sid, p] of this.pending) {
          if (p.until > now && p.exp > now) continue;
          this.pending.delete(sid);
          if (p.exp > now)
            this.log.error(
              `[auth] gave up writing the sign-out of session ${sid} to ${this.store.name}: other replicas may accept it until ${new Date(p.exp).toISOString()}`,
            );
        }
        if (!this.pending.size) break;
        const batch = [...this.pending].map(([sid, p]) => [sid, p.exp] as [string, number]);
        const snap = await this.store.read();
        const stored = parseRevocations(snap?.data, now);
        if (snap) this.learn(snap);
        if (!holdsAll(stored, batch, now)) {
          const merged = mergeRevocations(stored, batch, now, this.opts.cap ?? MAX_REVOCATIONS);
          if ((await this.store.write(snap, revocationData(merged))) === 'conflict') continue;
        }
        for (const [sid] of batch) this.pending.delete(sid);
        this.retryBackoff.reset();
        if (this.pending.size === 0) break;
      }
      if (this.pending.size) throw new Error(`${this.store.name} kept changing under ${MAX_CONFLICTS} attempts`);
    } catch (e) {
      this.scheduleRetry();
      throw e;
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped || !this.pending.size) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush().then(
        () => this.log.warn(`[auth] the sign-outs left pending are now in ${this.store.name}`),
        () => {},
      );
    }, this.retryBackoff.next()).unref();
  }
}

const g = globalThis as typeof globalThis & { __imagepodRevocations?: RevocationSync };

/** The process-wide list (on globalThis: Next evaluates server modules more than once). */
export function revocations(): RevocationSync {
  g.__imagepodRevocations ??= new RevocationSync(configMapStore(getKubeConfig, authSettings().panelNamespace));
  return g.__imagepodRevocations;
}

/**
 * Starts reading the cluster's list (at server start, instrumentation.ts); `onRevoked` ends the
 * streams of sessions signed out elsewhere.
 */
export function startRevocationSync(onRevoked: (sids: string[]) => void): RevocationSync {
  const sync = revocations();
  sync.listen(onRevoked);
  sync.start();
  return sync;
}
