/**
 * The stream hub: holds the browser's one EventSource (a multiplexed channel of /api/stream)
 * and relays it over MessagePorts — view events to every tab of the stream's session, `sub`
 * events to the tab that owns the subscription. Runs in the SharedWorker, or in the page where
 * SharedWorker is missing. Its I/O is injected, so routing, pings and reconnects are unit-tested.
 */
import {
  connectionLost,
  connectionOpened,
  INITIAL_CONNECTION,
  reconnectDelay,
  type StreamConnection,
} from './connection-state';
import { helloChannel, parseSubEvent, parseTabMessage, type HubMessage, type ViewEventName } from './hub-protocol';
import { parseData } from './stream-messages';

/** A tab's MessagePort as the hub uses it. */
export interface HubPort {
  postMessage(m: HubMessage): void;
  listen(fn: (data: unknown) => void): void;
  close(): void;
}

/** An EventSource as the hub uses it. */
export interface HubSource {
  /** True once the browser has given up (an HTTP error): a new source is needed. */
  closed(): boolean;
  onOpen(fn: () => void): void;
  onError(fn: () => void): void;
  on(event: string, fn: (data: string) => void): void;
  close(): void;
}

export interface HubDeps {
  openSource(url: string): HubSource;
  /** Ends a subscription whose tab went away (the DELETE a tab would have sent). */
  unsubscribe(channel: string, id: string): void;
  randomId(): string;
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(t: unknown): void;
  /** True in the SharedWorker (one stream per browser), false in the page fallback. */
  shared: boolean;
}

/** How often the hub pings its tabs, and how long a silent tab is kept. */
export const PING_MS = 5_000;
export const PORT_TIMEOUT_MS = 20_000;

interface PortState {
  session: string | null;
  owned: Set<string>;
  lastSeen: number;
}

export class StreamHub {
  private readonly ports = new Map<HubPort, PortState>();
  private readonly owners = new Map<string, HubPort>();
  /** Subscriptions of gone tabs already asked to end on this channel (their events may still arrive). */
  private readonly orphans = new Set<string>();
  private source: HubSource | null = null;
  private channel: string | null = null;
  private session: string | null = null;
  private generation = 0;
  private lastHello: string | null = null;
  private conn: StreamConnection = INITIAL_CONNECTION;
  private retry: unknown = null;
  private pinger: unknown = null;
  /** The tab session a reconnect was last made for, so two sessions' tabs cannot make it flap. */
  private reconnectedFor: string | null = null;

  constructor(private readonly deps: HubDeps) {}

  /** Takes a tab's port; the tab introduces itself with `hello`. */
  addPort(port: HubPort): void {
    this.ports.set(port, { session: null, owned: new Set(), lastSeen: this.deps.now() });
    port.listen((data) => this.onTabMessage(port, data));
    this.pinger ??= this.deps.setInterval(() => this.ping(), PING_MS);
  }

  /** Open channels and ports, for tests. */
  stats(): { ports: number; owned: number; connected: boolean; channel: string | null } {
    return { ports: this.ports.size, owned: this.owners.size, connected: this.source !== null, channel: this.channel };
  }

  private onTabMessage(port: HubPort, raw: unknown): void {
    const st = this.ports.get(port);
    const m = parseTabMessage(raw);
    if (!st || !m) return;
    st.lastSeen = this.deps.now();
    switch (m.type) {
      case 'hello':
        return this.join(port, st, m.session);
      case 'own':
        st.owned.add(m.id);
        this.owners.set(m.id, port);
        return;
      case 'disown':
        st.owned.delete(m.id);
        if (this.owners.get(m.id) === port) this.owners.delete(m.id);
        return;
      case 'pong':
        return;
      case 'goodbye':
        return this.drop(port);
    }
  }

  private join(port: HubPort, st: PortState, session: string): void {
    st.session = session;
    port.postMessage({ type: 'status', conn: this.conn, shared: this.deps.shared });
    if (!this.source) return this.connect();
    // A freshly loaded tab carries the cookie's current session: a stream of another one is stale.
    if (this.session !== null && session !== this.session && this.reconnectedFor !== session) {
      this.reconnectedFor = session;
      return this.reconnect();
    }
    if (this.channel && this.session) {
      port.postMessage({ type: 'channel', channel: this.channel, session: this.session, generation: this.generation });
      if (this.lastHello && session === this.session)
        port.postMessage({ type: 'view', event: 'hello', data: this.lastHello });
    }
  }

  private drop(port: HubPort): void {
    const st = this.ports.get(port);
    if (!st) return;
    this.ports.delete(port);
    for (const id of st.owned) {
      if (this.owners.get(id) !== port) continue;
      this.owners.delete(id);
      if (this.channel) this.deps.unsubscribe(this.channel, id);
    }
    port.close();
    if (this.ports.size === 0) this.stop();
  }

  private ping(): void {
    const now = this.deps.now();
    for (const [port, st] of [...this.ports]) {
      if (now - st.lastSeen > PORT_TIMEOUT_MS) {
        // Queued for a frozen tab, read when it resumes: it then takes a new port.
        port.postMessage({ type: 'dropped' });
        this.drop(port);
      } else port.postMessage({ type: 'ping' });
    }
  }

  private broadcast(m: HubMessage, sameSession: boolean): void {
    for (const [port, st] of this.ports) {
      if (!sameSession || (st.session !== null && st.session === this.session)) port.postMessage(m);
    }
  }

  private setConn(conn: StreamConnection): void {
    this.conn = conn;
    this.broadcast({ type: 'status', conn, shared: this.deps.shared }, false);
  }

  private connect(): void {
    // A tab joining while a retry waits connects now; the retry must not open a second stream.
    if (this.retry !== null) this.deps.clearTimeout(this.retry);
    this.retry = null;
    this.source?.close();
    const id = this.deps.randomId();
    const es = this.deps.openSource(`/api/stream?channel=${encodeURIComponent(id)}`);
    this.source = es;
    this.channel = id;
    es.onOpen(() => this.setConn(connectionOpened(this.conn, this.deps.now())));
    es.on('hello', (data) => this.onHello(data));
    for (const event of ['delta', 'health'] as const) es.on(event, (data) => this.relay(event, data));
    es.on('sub', (data) => this.onSub(data));
    es.onError(() => {
      if (this.source !== es) return;
      this.setConn(connectionLost(this.conn, this.deps.now()));
      if (!es.closed()) return; // EventSource retries by itself; the next hello re-subscribes.
      es.close();
      this.source = null;
      this.broadcast({ type: 'refused' }, false);
      this.retry = this.deps.setTimeout(() => this.connect(), reconnectDelay(this.conn.attempts));
    });
  }

  private onHello(data: string): void {
    const names = helloChannel(parseData(data));
    if (!names) return;
    this.channel = names.channel;
    this.session = names.session;
    this.generation += 1;
    this.lastHello = data;
    this.orphans.clear();
    // Every tab learns of the channel (one of another session reloads); only the session's get views.
    this.broadcast(
      { type: 'channel', channel: names.channel, session: names.session, generation: this.generation },
      false,
    );
    this.relay('hello', data);
  }

  private relay(event: ViewEventName, data: string): void {
    this.broadcast({ type: 'view', event, data }, true);
  }

  private onSub(text: string): void {
    const sub = parseSubEvent(parseData(text));
    if (!sub) return;
    const owner = this.owners.get(sub.id);
    if (!owner) {
      // Its tab is gone (or disowned it and its DELETE is under way): make sure the server stops it.
      if (sub.event !== 'closed' && this.channel && !this.orphans.has(sub.id)) {
        this.orphans.add(sub.id);
        this.deps.unsubscribe(this.channel, sub.id);
      }
      return;
    }
    if (sub.event === 'closed') {
      this.owners.delete(sub.id);
      this.ports.get(owner)?.owned.delete(sub.id);
    }
    owner.postMessage({ type: 'sub', id: sub.id, event: sub.event, data: sub.data });
  }

  private reconnect(): void {
    this.source?.close();
    this.source = null;
    this.session = null;
    this.lastHello = null;
    this.connect();
  }

  private stop(): void {
    this.source?.close();
    this.source = null;
    this.channel = null;
    this.session = null;
    this.lastHello = null;
    if (this.retry !== null) this.deps.clearTimeout(this.retry);
    this.retry = null;
    if (this.pinger !== null) this.deps.clearInterval(this.pinger);
    this.pinger = null;
    this.conn = INITIAL_CONNECTION;
  }
}
