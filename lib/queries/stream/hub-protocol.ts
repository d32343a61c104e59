/**
 * Messages between a tab and the stream hub (the SharedWorker, or the page itself where there
 * is none). Closed unions with parsers: a port can deliver anything, so each side checks what
 * it receives. Pure.
 */
import type { StreamConnection } from './connection-state';

/** Live-view events the hub passes to every tab of the stream's session, data as sent. */
export type ViewEventName = 'hello' | 'delta' | 'health';

export type TabMessage =
  /** A tab joins, naming its session (see sessionTag on the server). */
  | { type: 'hello'; session: string }
  /** Route the `sub` events of this subscription id to me. */
  | { type: 'own'; id: string }
  /** I ended this subscription myself. */
  | { type: 'disown'; id: string }
  | { type: 'pong' }
  /** The tab is going away (pagehide): end its subscriptions. */
  | { type: 'goodbye' };

export type HubMessage =
  | { type: 'status'; conn: StreamConnection; shared: boolean }
  /** A (new) channel is live: subscribe on it. `session` is the session the stream belongs to. */
  | { type: 'channel'; channel: string; session: string; generation: number }
  | { type: 'view'; event: ViewEventName; data: string }
  | { type: 'sub'; id: string; event: string; data: unknown }
  /** The server refused the stream (HTTP error): the session may have ended. */
  | { type: 'refused' }
  /** The hub gave up on this port (it stopped answering, e.g. frozen): take a new one. */
  | { type: 'dropped' }
  | { type: 'ping' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): v is string => typeof v === 'string';

/** A tab's message, or null when it is not one. */
export function parseTabMessage(v: unknown): TabMessage | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'hello':
      return str(v.session) ? { type: 'hello', session: v.session } : null;
    case 'own':
    case 'disown':
      return str(v.id) ? { type: v.type, id: v.id } : null;
    case 'pong':
    case 'goodbye':
      return { type: v.type };
    default:
      return null;
  }
}

function isConnection(v: unknown): v is StreamConnection {
  return (
    isObject(v) &&
    (v.status === 'connecting' || v.status === 'open' || v.status === 'reconnecting') &&
    typeof v.since === 'number' &&
    typeof v.attempts === 'number'
  );
}

/** The hub's message, or null when it is not one. */
export function parseHubMessage(v: unknown): HubMessage | null {
  if (!isObject(v)) return null;
  switch (v.type) {
    case 'status':
      return isConnection(v.conn) && typeof v.shared === 'boolean'
        ? { type: 'status', conn: v.conn, shared: v.shared }
        : null;
    case 'channel':
      return str(v.channel) && str(v.session) && typeof v.generation === 'number'
        ? { type: 'channel', channel: v.channel, session: v.session, generation: v.generation }
        : null;
    case 'view':
      return (v.event === 'hello' || v.event === 'delta' || v.event === 'health') && str(v.data)
        ? { type: 'view', event: v.event, data: v.data }
        : null;
    case 'sub':
      return str(v.id) && str(v.event) ? { type: 'sub', id: v.id, event: v.event, data: v.data } : null;
    case 'refused':
    case 'dropped':
    case 'ping':
      return { type: v.type };
    default:
      return null;
  }
}

/** The `sub` event's data on the wire: `{ id, event, data }`, or null. */
export function parseSubEvent(v: unknown): { id: string; event: string; data: unknown } | null {
  return isObject(v) && str(v.id) && str(v.event) ? { id: v.id, event: v.event, data: v.data } : null;
}

/** The channel and session a channel's `hello` names, or null for a plain stream's hello. */
export function helloChannel(v: unknown): { channel: string; session: string } | null {
  return isObject(v) && str(v.channel) && str(v.session) ? { channel: v.channel, session: v.session } : null;
}
