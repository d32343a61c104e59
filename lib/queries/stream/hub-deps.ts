/**
 * The hub's real I/O in a browser (worker or page): EventSource, timers, and the DELETE that
 * ends a gone tab's subscription (keepalive, so it survives the page that asked for it).
 */
import type { HubDeps, HubPort, HubSource } from './hub';

/** A random id for channels and subscriptions (URL-safe, 22 characters). */
export function randomStreamId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The URL that ends subscription `id` on `channel`. */
export function unsubscribeUrl(channel: string, id: string): string {
  return `/api/stream/subscriptions?${new URLSearchParams({ channel, id }).toString()}`;
}

export function browserHubDeps(shared: boolean): HubDeps {
  return {
    shared,
    openSource: eventSource,
    unsubscribe: (channel, id) => {
      void fetch(unsubscribeUrl(channel, id), { method: 'DELETE', keepalive: true, cache: 'no-store' }).catch(
        () => undefined,
      );
    },
    randomId: randomStreamId,
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (t) => clearInterval(t as ReturnType<typeof setInterval>),
  };
}

function eventSource(url: string): HubSource {
  const es = new EventSource(url);
  return {
    closed: () => es.readyState === EventSource.CLOSED,
    onOpen: (fn) => {
      es.onopen = () => fn();
    },
    onError: (fn) => {
      es.onerror = () => fn();
    },
    on: (event, fn) => es.addEventListener(event, (e: MessageEvent<string>) => fn(e.data)),
    close: () => es.close(),
  };
}

/** A MessagePort as the hub uses it. */
export function hubPort(p: MessagePort): HubPort {
  return {
    postMessage: (m) => p.postMessage(m),
    listen: (fn) => {
      p.onmessage = (e: MessageEvent<unknown>) => fn(e.data);
    },
    close: () => p.close(),
  };
}
