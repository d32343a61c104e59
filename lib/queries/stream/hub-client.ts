/**
 * A tab's side of the shared stream: a port to the hub (the SharedWorker, or an in-page hub
 * where SharedWorker is missing), the live-view events it relays, and this tab's
 * subscriptions, re-made on every new channel. A tab that was frozen or throttled long enough
 * for the hub to drop it takes a new port and resynchronises.
 */
import { redirectToSignIn } from '../sign-in-redirect';
import { INITIAL_CONNECTION, type StreamConnection } from './connection-state';
import { StreamHub, PORT_TIMEOUT_MS } from './hub';
import { browserHubDeps, hubPort, randomStreamId } from './hub-deps';
import { parseHubMessage, type HubMessage, type TabMessage, type ViewEventName } from './hub-protocol';
import { Subscription, type SubHandlers } from './subscription';

export interface HubStatus {
  conn: StreamConnection;
  /** False where the browser has no SharedWorker: this tab holds its own connection. */
  shared: boolean;
}

type Port = { post(m: TabMessage): void; close(): void };

export class HubClient {
  private port: Port | null = null;
  private pageHub: StreamHub | null = null;
  private readonly subs = new Map<string, Subscription>();
  private readonly viewListeners = new Set<(event: ViewEventName, data: string) => void>();
  private readonly statusListeners = new Set<(s: HubStatus) => void>();
  private readonly resyncListeners = new Set<() => void>();
  private status: HubStatus = { conn: INITIAL_CONNECTION, shared: true };
  private channel: string | null = null;
  private lastHeard = Date.now();
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private reloading = false;

  /** `session` is this page's session tag: a stream of another session is not for this page. */
  constructor(private readonly session: string) {}

  start(): void {
    this.open();
    this.watchdog = setInterval(() => this.checkAlive(), PORT_TIMEOUT_MS / 2);
    addEventListener('pagehide', this.onPageHide);
    addEventListener('pageshow', this.onPageShow);
    document.addEventListener('resume', this.checkAlive);
    document.addEventListener('visibilitychange', this.checkAlive);
  }

  stop(): void {
    clearInterval(this.watchdog);
    removeEventListener('pagehide', this.onPageHide);
    removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('resume', this.checkAlive);
    document.removeEventListener('visibilitychange', this.checkAlive);
    this.port?.post({ type: 'goodbye' });
    this.port?.close();
    this.port = null;
    this.channel = null;
  }

  onView(fn: (event: ViewEventName, data: string) => void): () => void {
    this.viewListeners.add(fn);
    return () => this.viewListeners.delete(fn);
  }

  onStatus(fn: (s: HubStatus) => void): () => void {
    this.statusListeners.add(fn);
    fn(this.status);
    return () => this.statusListeners.delete(fn);
  }

  /** Called when this tab may have missed view events (it was dropped and came back). */
  onResync(fn: () => void): () => void {
    this.resyncListeners.add(fn);
    return () => this.resyncListeners.delete(fn);
  }

  /** Starts a subscription on the shared stream; returns its end. */
  subscribe(h: SubHandlers): () => void {
    const sub = new Subscription(randomStreamId(), h);
    this.subs.set(sub.id, sub);
    this.port?.post({ type: 'own', id: sub.id });
    h.state({ status: 'connecting' });
    if (this.channel) sub.channel(this.channel);
    return () => {
      this.subs.delete(sub.id);
      this.port?.post({ type: 'disown', id: sub.id });
      sub.close();
    };
  }

  private open(): void {
    const onMessage = (data: unknown) => this.onHubMessage(parseHubMessage(data));
    let port: MessagePort | null = null;
    if (typeof SharedWorker !== 'undefined') {
      try {
        const worker = new SharedWorker(new URL('./stream-worker.ts', import.meta.url), { name: 'imagepod-stream' });
        port = worker.port;
      } catch (e) {
        console.warn('shared stream: no SharedWorker, this tab keeps its own connection', e);
      }
    }
    if (!port) {
      // Same hub, in the page: one multiplexed connection for this tab, whatever it shows.
      this.pageHub ??= new StreamHub(browserHubDeps(false));
      const pair = new MessageChannel();
      this.pageHub.addPort(hubPort(pair.port1));
      pair.port1.start();
      port = pair.port2;
    }
    const p = port;
    p.onmessage = (e: MessageEvent<unknown>) => onMessage(e.data);
    p.start();
    this.port = { post: (m) => p.postMessage(m), close: () => p.close() };
    this.lastHeard = Date.now();
    this.port.post({ type: 'hello', session: this.session });
    for (const id of this.subs.keys()) this.port.post({ type: 'own', id });
  }

  private onHubMessage(m: HubMessage | null): void {
    if (!m) return;
    this.lastHeard = Date.now();
    switch (m.type) {
      case 'ping':
        return this.port?.post({ type: 'pong' });
      case 'status':
        this.status = { conn: m.conn, shared: m.shared };
        for (const fn of this.statusListeners) fn(this.status);
        if (m.conn.status !== 'open') {
          this.channel = null;
          for (const s of this.subs.values()) s.lost();
        }
        return;
      case 'channel':
        if (m.session !== this.session) return this.otherSession();
        this.channel = m.channel;
        for (const s of this.subs.values()) s.channel(m.channel);
        return;
      case 'view':
        if (this.channel === null) return;
        for (const fn of this.viewListeners) fn(m.event, m.data);
        return;
      case 'sub':
        return this.subs.get(m.id)?.deliver(m.event, m.data);
      case 'dropped':
        return this.reopen();
      case 'refused':
        // The server refused the stream: if the session has ended, go and sign in again.
        void fetch('/api/auth/session', { cache: 'no-store' }).then(
          (r) => {
            if (r.status === 401) redirectToSignIn();
          },
          () => undefined,
        );
        return;
    }
  }

  /** The stream belongs to another session (signed out and in as someone else): this page is stale. */
  private otherSession(): void {
    this.channel = null;
    if (this.reloading) return;
    this.reloading = true;
    location.reload();
  }

  private readonly onPageHide = () => this.port?.post({ type: 'goodbye' });

  private readonly onPageShow = (e: PageTransitionEvent) => {
    if (e.persisted) this.reopen();
  };

  /** After a freeze or throttling the hub may have dropped this tab: take a new port. */
  private readonly checkAlive = () => {
    if (document.visibilityState === 'visible' && Date.now() - this.lastHeard > PORT_TIMEOUT_MS) this.reopen();
  };

  private reopen(): void {
    this.port?.close();
    this.channel = null;
    for (const s of this.subs.values()) s.lost();
    this.open();
    for (const fn of this.resyncListeners) fn();
  }
}
