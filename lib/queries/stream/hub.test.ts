import { describe, expect, it } from 'vitest';
import type { HubMessage } from './hub-protocol';
import { PING_MS, PORT_TIMEOUT_MS, StreamHub, type HubDeps, type HubPort, type HubSource } from './hub';

class FakeSource implements HubSource {
  readonly handlers = new Map<string, (data: string) => void>();
  open: (() => void) | null = null;
  error: (() => void) | null = null;
  isClosed = false;
  shut = false;
  constructor(readonly url: string) {}
  closed() {
    return this.isClosed;
  }
  onOpen(fn: () => void) {
    this.open = fn;
  }
  onError(fn: () => void) {
    this.error = fn;
  }
  on(event: string, fn: (data: string) => void) {
    this.handlers.set(event, fn);
  }
  close() {
    this.shut = true;
  }
  emit(event: string, data: unknown) {
    this.handlers.get(event)?.(JSON.stringify(data));
  }
}

class FakePort implements HubPort {
  readonly got: HubMessage[] = [];
  fn: ((data: unknown) => void) | null = null;
  closed = false;
  postMessage(m: HubMessage) {
    this.got.push(m);
  }
  listen(fn: (data: unknown) => void) {
    this.fn = fn;
  }
  close() {
    this.closed = true;
  }
  send(m: unknown) {
    this.fn?.(m);
  }
  of<T extends HubMessage['type']>(type: T) {
    return this.got.filter((m): m is Extract<HubMessage, { type: T }> => m.type === type);
  }
}

function setup() {
  let now = 0;
  let ids = 0;
  const sources: FakeSource[] = [];
  const unsubscribed: string[] = [];
  const timers: { at: number; fn: () => void; every?: number }[] = [];
  const deps: HubDeps = {
    shared: true,
    openSource: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    unsubscribe: (channel, id) => unsubscribed.push(`${channel}/${id}`),
    randomId: () => `channel-${++ids}-abcdefghijkl`,
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (t) => {
      timers.splice(timers.indexOf(t as never), 1);
    },
    setInterval: (fn, ms) => {
      const t = { at: now + ms, fn, every: ms };
      timers.push(t);
      return t;
    },
    clearInterval: (t) => {
      timers.splice(timers.indexOf(t as never), 1);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      now = next.at;
      if (next.every) next.at += next.every;
      else timers.splice(timers.indexOf(next), 1);
      next.fn();
    }
    now = end;
  };
  const hub = new StreamHub(deps);
  const join = (session = 's1') => {
    const p = new FakePort();
    hub.addPort(p);
    p.send({ type: 'hello', session });
    return p;
  };
  const hello = (src: FakeSource, session = 's1') => {
    const channel = new URL(src.url, 'http://x').searchParams.get('channel');
    src.emit('hello', { epoch: 'e', revisions: {}, health: { state: 'synced' }, channel, session });
  };
  return { hub, sources, unsubscribed, advance, join, hello };
}

describe('StreamHub', () => {
  it('opens one channel for all tabs and relays views to each', () => {
    const t = setup();
    const a = t.join();
    const b = t.join();
    expect(t.sources).toHaveLength(1);
    expect(t.sources[0]!.url).toMatch(/^\/api\/stream\?channel=/);
    t.hello(t.sources[0]!);
    t.sources[0]!.emit('delta', { view: 'pods' });
    for (const p of [a, b]) {
      expect(p.of('channel')).toHaveLength(1);
      expect(p.of('view').map((m) => m.event)).toEqual(['hello', 'delta']);
    }
    const late = t.join();
    expect(late.of('channel')[0]!.generation).toBe(1);
    expect(late.of('view').map((m) => m.event)).toEqual(['hello']);
  });

  it('sends a subscription only to the tab that owns it', () => {
    const t = setup();
    const a = t.join();
    const b = t.join();
    t.hello(t.sources[0]!);
    a.send({ type: 'own', id: 'logs-1' });
    t.sources[0]!.emit('sub', { id: 'logs-1', event: 'lines', data: { entries: [] } });
    expect(a.of('sub')).toEqual([{ type: 'sub', id: 'logs-1', event: 'lines', data: { entries: [] } }]);
    expect(b.of('sub')).toEqual([]);
  });

  it('ends the subscriptions of a tab that says goodbye, and of one that stops answering', () => {
    const t = setup();
    const a = t.join();
    const b = t.join();
    const keep = t.join();
    t.hello(t.sources[0]!);
    const channel = t.hub.stats().channel;
    a.send({ type: 'own', id: 'a1' });
    b.send({ type: 'own', id: 'b1' });
    a.send({ type: 'goodbye' });
    expect(t.unsubscribed).toEqual([`${channel}/a1`]);
    expect(a.closed).toBe(true);
    // b is frozen: it answers nothing; keep answers every ping.
    for (let i = 0; i < PORT_TIMEOUT_MS / PING_MS + 2; i++) {
      t.advance(PING_MS);
      keep.send({ type: 'pong' });
    }
    expect(t.unsubscribed).toEqual([`${channel}/a1`, `${channel}/b1`]);
    expect(b.closed).toBe(true);
    expect(b.of('dropped')).toHaveLength(1);
    expect(keep.closed).toBe(false);
    expect(t.hub.stats().ports).toBe(1);
  });

  it('asks the server once to end a subscription nobody owns', () => {
    const t = setup();
    t.join();
    t.hello(t.sources[0]!);
    t.sources[0]!.emit('sub', { id: 'ghost', event: 'lines', data: {} });
    t.sources[0]!.emit('sub', { id: 'ghost', event: 'lines', data: {} });
    expect(t.unsubscribed).toHaveLength(1);
  });

  it('closes the connection when the last tab leaves', () => {
    const t = setup();
    const a = t.join();
    a.send({ type: 'goodbye' });
    expect(t.sources[0]!.shut).toBe(true);
    t.join();
    expect(t.sources).toHaveLength(2);
  });

  it('reconnects with a new channel after an HTTP refusal, and tabs hear of it', () => {
    const t = setup();
    const a = t.join();
    t.hello(t.sources[0]!);
    t.sources[0]!.isClosed = true;
    t.sources[0]!.error?.();
    expect(a.of('refused')).toHaveLength(1);
    expect(a.of('status').at(-1)!.conn.status).toBe('reconnecting');
    t.advance(1000);
    expect(t.sources).toHaveLength(2);
    t.sources[1]!.open?.();
    t.hello(t.sources[1]!);
    expect(a.of('status').at(-1)!.conn.status).toBe('open');
    const channels = a.of('channel');
    expect(channels.map((c) => c.generation)).toEqual([1, 2]);
    expect(channels[0]!.channel).not.toBe(channels[1]!.channel);
  });

  it('connects once when a tab joins while a retry waits', () => {
    const t = setup();
    t.join();
    t.sources[0]!.isClosed = true;
    t.sources[0]!.error?.();
    t.join();
    expect(t.sources).toHaveLength(2);
    t.advance(60_000);
    expect(t.sources).toHaveLength(2);
  });

  it('keeps views of another session from a tab, and reconnects for a newly signed-in one', () => {
    const t = setup();
    const old = t.join('s1');
    t.hello(t.sources[0]!, 's1');
    const fresh = t.join('s2');
    expect(t.sources).toHaveLength(2);
    expect(t.sources[0]!.shut).toBe(true);
    t.hello(t.sources[1]!, 's2');
    t.sources[1]!.emit('delta', { view: 'pods' });
    expect(fresh.of('view').map((m) => m.event)).toEqual(['hello', 'delta']);
    // The old tab learns the stream is another session's (and reloads), but gets none of its views.
    expect(old.of('channel').at(-1)!.session).toBe('s2');
    expect(old.of('view').map((m) => m.event)).toEqual(['hello']);
  });

  it('ignores messages that are not the protocol', () => {
    const t = setup();
    const a = t.join();
    a.send({ type: 'own' });
    a.send('nonsense');
    a.send(null);
    expect(t.hub.stats().owned).toBe(0);
  });
});
