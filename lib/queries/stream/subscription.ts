/**
 * One subscription as a tab holds it on the shared stream: POSTed on each channel the hub
 * announces (a reconnect is a new channel, so it re-subscribes — a log resumes from its last
 * line), retried with the one backoff on a transient failure, ended with a DELETE. A refusal
 * (a 4xx other than 429 or the channel's own 404/409) is final and shown with the server's message.
 */
import { ApiError } from '../api-error';
import { fetchJson } from '../fetch-json';
import type { SubscribeBody } from '../../stream/wire';
import { reconnectDelay } from './connection-state';
import { unsubscribeUrl } from './hub-deps';

/** What a subscription's holder sees. */
export type SubState =
  | { status: 'connecting' }
  | { status: 'open' }
  | { status: 'reconnecting'; attempts: number }
  | { status: 'ended' }
  | { status: 'error'; httpStatus: number; message: string };

/** A subscribe body without the ids the client adds. */
export type SubRequest = SubscribeBody extends infer B
  ? B extends SubscribeBody
    ? Omit<B, 'channel' | 'id'>
    : never
  : never;

export interface SubHandlers {
  /** Called at every (re)subscribe: the body to send (a log stream's resume point goes in here). */
  request(): SubRequest;
  event(event: string, data: unknown): void;
  state(s: SubState): void;
}

/** Whether a subscribe failure is worth trying again on the same channel. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  return e.status === 0 || e.status === 429 || e.status === 408 || e.status >= 500;
}

export class Subscription {
  /** The channel it is attached to (or being attached to), null when it must subscribe anew. */
  private on: string | null = null;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private final = false;

  constructor(
    readonly id: string,
    private readonly h: SubHandlers,
  ) {}

  /** A channel is live: subscribe on it unless already there. */
  channel(channel: string): void {
    if (this.final || this.on === channel) return;
    this.on = channel;
    clearTimeout(this.timer);
    void this.post(channel);
  }

  /** The stream dropped or the port was replaced: subscribe again on the next channel. */
  lost(): void {
    if (this.final || this.on === null) return;
    this.on = null;
    this.h.state({ status: 'reconnecting', attempts: ++this.attempts });
  }

  /** An event for this subscription. */
  deliver(event: string, data: unknown): void {
    if (this.final) return;
    if (event === 'end') {
      this.final = true;
      this.h.event(event, data);
      this.h.state({ status: 'ended' });
      return;
    }
    // The server ended it without an end (its session's time, a restart): subscribe again.
    if (event === 'closed') return this.retry(this.on);
    this.h.event(event, data);
  }

  /** The tab no longer wants it. */
  close(): void {
    this.final = true;
    clearTimeout(this.timer);
    if (this.on)
      void fetch(unsubscribeUrl(this.on, this.id), { method: 'DELETE', keepalive: true, cache: 'no-store' }).catch(
        () => undefined,
      );
    this.on = null;
  }

  private retry(channel: string | null): void {
    this.on = null;
    this.attempts += 1;
    this.h.state({ status: 'reconnecting', attempts: this.attempts });
    if (channel) this.timer = setTimeout(() => this.channel(channel), reconnectDelay(this.attempts));
  }

  private async post(channel: string): Promise<void> {
    try {
      await fetchJson('/api/stream/subscriptions', {
        method: 'POST',
        body: JSON.stringify({ ...this.h.request(), channel, id: this.id }),
      });
    } catch (e) {
      if (this.final || this.on !== channel) return;
      // 409: it is already attached (a repeated request); 404: the channel is gone, a new one comes.
      if (e instanceof ApiError && e.status === 409) return this.opened();
      if (e instanceof ApiError && e.status === 404 && e.field === 'channel') return this.lost();
      if (isTransient(e)) return this.retry(channel);
      this.final = true;
      const status = e instanceof ApiError ? e.status : 0;
      this.h.state({
        status: 'error',
        httpStatus: status,
        message: e instanceof Error ? e.message : 'Subscription refused',
      });
      return;
    }
    if (!this.final && this.on === channel) this.opened();
  }

  private opened(): void {
    this.attempts = 0;
    this.h.state({ status: 'open' });
  }
}
