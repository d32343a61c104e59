import 'server-only';
import { HttpError } from '../errors/http-error';
import type { Feed, FeedSink } from './feed';
import { endSessionStreams } from './guard';

/** What a subscription carries. */
export type SubscriptionTopic = 'logs' | 'deploy';

/** Subscriptions one channel may hold at once (log streams are capped per session besides). */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 32;
/** Unsubscribed ids remembered per channel, so a subscribe that loses the race to its own cancel attaches nothing. */
const MAX_CANCELLED = 256;

interface Subscription {
  topic: SubscriptionTopic;
  stop: () => void;
}

interface Channel {
  id: string;
  sid: string;
  sink: FeedSink;
  subs: Map<string, Subscription>;
  cancelled: Set<string>;
  open: boolean;
}

// On globalThis: Next compiles routes separately and reloads modules in development.
const g = globalThis as typeof globalThis & { __imagepodStreamChannels?: Map<string, Channel> };
const channels: Map<string, Channel> = (g.__imagepodStreamChannels ??= new Map());

/** Refuses a channel id that another session holds (409); the same session's is taken over. */
export function assertChannelFree(id: string, sid: string): void {
  const ch = channels.get(id);
  if (ch && ch.sid !== sid)
    throw new HttpError(409, 'CONFLICT', 'That stream id is taken; open the stream with another');
}

/**
 * Registers the multiplexed channel `id` of session `sid` on an open SSE sink. A channel of the
 * same id and session (EventSource's own reconnect racing the old request's end) is closed
 * first. Returns the cleanup the stream runs when it ends: every subscription is stopped.
 */
export function openChannel(id: string, sid: string, sink: FeedSink): () => void {
  const old = channels.get(id);
  if (old) closeChannel(old);
  const ch: Channel = { id, sid, sink, subs: new Map(), cancelled: new Set(), open: true };
  channels.set(id, ch);
  return () => closeChannel(ch);
}

function closeChannel(ch: Channel): void {
  if (!ch.open) return;
  ch.open = false;
  if (channels.get(ch.id) === ch) channels.delete(ch.id);
  for (const sub of ch.subs.values()) sub.stop();
  ch.subs.clear();
  ch.sink.close();
}

/**
 * The session's open channel `id`; 404 when there is none — also when it is another session's.
 * The error names the field `channel`, so the browser tells it from a log's pod not found.
 */
function channelOf(id: string, sid: string): Channel {
  const ch = channels.get(id);
  if (!ch || ch.sid !== sid || !ch.open)
    throw new HttpError(
      404,
      'NOT_FOUND',
      'No such stream is open for this session; wait for the stream to reconnect',
      'channel',
    );
  return ch;
}

/** Checks, before any work is prepared, that a subscription could be attached (404, 409, 429). */
export function assertCanAttach(channelId: string, sid: string, subId: string): void {
  const ch = channelOf(channelId, sid);
  if (ch.subs.has(subId)) throw new HttpError(409, 'CONFLICT', `Subscription ${subId} already exists on this stream`);
  if (ch.subs.size >= MAX_SUBSCRIPTIONS_PER_CHANNEL) {
    throw new HttpError(
      429,
      'TOO_MANY_REQUESTS',
      `This stream carries ${ch.subs.size} subscriptions, its limit; close one`,
      undefined,
      { 'Retry-After': '5' },
    );
  }
}

/**
 * Starts a prepared feed as subscription `subId` of the channel: its events go out as `sub`
 * events `{ id, event, data }`. If the channel closed, or the subscription was cancelled, while
 * the feed was being prepared, or the request asking for it was aborted meanwhile, the feed is
 * abandoned and the error thrown (nothing stays held).
 */
export function attach(
  channelId: string,
  sid: string,
  subId: string,
  topic: SubscriptionTopic,
  feed: Feed,
  signal?: AbortSignal,
): void {
  let ch: Channel;
  try {
    // Whoever asked left while the feed was prepared: it would never learn the subscription exists.
    if (signal?.aborted) throw new HttpError(409, 'CONFLICT', `Subscription ${subId} was cancelled`);
    assertCanAttach(channelId, sid, subId);
    ch = channelOf(channelId, sid);
    if (ch.cancelled.delete(subId)) throw new HttpError(409, 'CONFLICT', `Subscription ${subId} was cancelled`);
  } catch (e) {
    feed.abandon();
    throw e;
  }
  const owner = ch;
  const sink: FeedSink = {
    send: (event, data) => owner.open && owner.subs.has(subId) && owner.sink.send('sub', { id: subId, event, data }),
    // The feed ended by itself: tell the browser, so it does not wait for more.
    close: () => {
      if (end(owner, subId)) owner.sink.send('sub', { id: subId, event: 'closed', data: {} });
    },
  };
  // Registered before start, so a feed that closes at once finds itself.
  owner.subs.set(subId, { topic, stop: () => undefined });
  const stop = feed.start(sink);
  const sub = owner.subs.get(subId);
  if (sub) sub.stop = stop;
  else stop();
}

function end(ch: Channel, subId: string): boolean {
  const sub = ch.subs.get(subId);
  if (!sub) return false;
  ch.subs.delete(subId);
  sub.stop();
  return true;
}

/**
 * Ends subscription `subId` of the session's channel (404 for a channel it does not hold).
 * An id not attached yet is remembered as cancelled. Returns whether something was running.
 */
export function detach(channelId: string, sid: string, subId: string): boolean {
  const ch = channelOf(channelId, sid);
  if (end(ch, subId)) return true;
  ch.cancelled.add(subId);
  if (ch.cancelled.size > MAX_CANCELLED) ch.cancelled.delete(ch.cancelled.values().next().value ?? '');
  return false;
}

/**
 * Sign-out: ends every stream of the session on this process — channels and single streams
 * (`/api/logs`, `/api/deploy/runs/stream`) alike, each with an `ended` event — then closes any
 * channel left. Returns how many channels were closed.
 */
export function closeSessionChannels(sid: string): number {
  const mine = [...channels.values()].filter((ch) => ch.sid === sid);
  endSessionStreams(sid);
  for (const ch of mine) closeChannel(ch);
  return mine.length;
}

/** Open channels and subscriptions per topic (for /api/metrics and tests). */
export function streamCounts(): { channels: number; subscriptions: Record<SubscriptionTopic, number> } {
  const subscriptions: Record<SubscriptionTopic, number> = { logs: 0, deploy: 0 };
  for (const ch of channels.values()) for (const s of ch.subs.values()) subscriptions[s.topic]++;
  return { channels: channels.size, subscriptions };
}
