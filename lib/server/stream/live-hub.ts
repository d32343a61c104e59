import 'server-only';
import { withoutClusterFacts } from '../../health';
import { filterDelta, type ViewScope } from '../../view-scope';
import type { SseWriter } from '../http/sse';
import { envInt, slotTable } from '../http/slots';
import type { CacheMessage, ClusterCache } from '../kube/cluster-cache';

/** Caps of the live stream (`/api/stream`) in this process; env overrides for tests and operators. */
export function liveLimits() {
  return {
    perSession: envInt('IMAGEPOD_STREAM_CLIENTS_PER_SESSION', 16),
    total: envInt('IMAGEPOD_STREAM_CLIENTS_TOTAL', 256),
    /** Unread bytes a client may leave queued before it is dropped (it reconnects and resyncs). */
    queueBytes: envInt('IMAGEPOD_STREAM_QUEUE_BYTES', 1024 * 1024),
  };
}

const slots = slotTable('live-streams', liveLimits, {
  session: (open, cap) =>
    `You have ${open} live streams open (at most ${cap} per session); close some of the panel's tabs`,
  total: (open) => `The panel is serving ${open} live streams, its limit; try again shortly`,
});

/** Takes a live-stream slot for the session, or throws 429; returns the (idempotent) release. */
export function acquireLiveStream(sid: string): () => void {
  return slots.acquire(sid);
}

/** Live streams open now (for tests, the bench and /api/metrics). */
export function openLiveStreams(): { total: number; sessions: number } {
  return slots.open();
}

/** A stable name of a scope: clients with equal names see exactly the same frames. */
export function scopeKey(scope: ViewScope): string {
  return JSON.stringify(scope, (_k, v: unknown) => (v instanceof Set ? [...v].sort() : v));
}

interface Client {
  w: SseWriter;
  full: boolean;
  /** May see the API server's address and object counts in health frames (may list nodes). */
  facts: boolean;
  scope: ViewScope;
  key: string;
}

interface Hub {
  clients: Set<Client>;
  unsubscribe: (() => void) | null;
}

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodLiveHubs?: WeakMap<ClusterCache, Hub> };
const hubs: WeakMap<ClusterCache, Hub> = (g.__imagepodLiveHubs ??= new WeakMap());

const encoder = new TextEncoder();

function fanOut(hub: Hub, m: CacheMessage): void {
  // Each frame is encoded once for everyone who may see all of it, and once per distinct scope
  // for the rest: a thousand clients of one view cost one encoding, not a thousand.
  let whole: Uint8Array | null = null;
  let redacted: Uint8Array | null = null;
  const cut = new Map<string, Uint8Array>();
  for (const c of hub.clients) {
    if (m.type === 'health' && !c.facts) {
      redacted ??= encoder.encode(`event: health\ndata: ${JSON.stringify(withoutClusterFacts(m.health))}\n\n`);
      c.w.frame(redacted);
      continue;
    }
    if (c.full || m.type !== 'delta') {
      whole ??= encoder.encode(m.frame);
      c.w.frame(whole);
      continue;
    }
    let bytes = cut.get(c.key);
    if (!bytes) {
      bytes = encoder.encode(`event: delta\ndata: ${JSON.stringify(filterDelta(m.delta, c.scope))}\n\n`);
      cut.set(c.key, bytes);
    }
    c.w.frame(bytes);
  }
}

/**
 * Adds one client to the cache's fan-out: one cache subscription for all clients of the process,
 * made with the first and dropped with the last. Returns the removal (idempotent).
 */
export function joinLiveHub(
  cache: ClusterCache,
  w: SseWriter,
  scope: ViewScope,
  opts: { full: boolean; facts: boolean },
): () => void {
  let hub = hubs.get(cache);
  if (!hub) hubs.set(cache, (hub = { clients: new Set(), unsubscribe: null }));
  const h = hub;
  const client: Client = { w, ...opts, scope, key: scopeKey(scope) };
  h.clients.add(client);
  h.unsubscribe ??= cache.subscribe((m) => fanOut(h, m));
  return () => {
    if (!h.clients.delete(client)) return;
    if (h.clients.size === 0 && h.unsubscribe) {
      h.unsubscribe();
      h.unsubscribe = null;
    }
  };
}
