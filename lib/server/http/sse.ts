import 'server-only';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform: proxies must not compress or buffer; X-Accel-Buffering: nginx ingress likewise.
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
} as const;

const HIGH_WATER_MARK = 64 * 1024;

/** What a client may leave unread before it is dropped, unless the route says otherwise. */
export const DEFAULT_MAX_QUEUED_BYTES = 1024 * 1024;

export interface SseWriter {
  /** Queues one event; returns false once the stream is closed. */
  send(event: string, data: unknown): boolean;
  /**
   * Queues an already encoded SSE frame (`event: …\ndata: …\n\n`). Bytes are queued as they are,
   * not copied: one frame encoded once can sit in the queues of every client that gets it.
   */
  frame(frame: string | Uint8Array): boolean;
  comment(text: string): boolean;
  close(): void;
}

/**
 * A server-sent-events Response. `start` gets a writer and returns a cleanup; cleanup runs once,
 * whether the browser goes away (request.signal), the server closes, or the client reads too
 * slowly (more than `maxQueuedBytes` waiting: dropping it is safer than growing without bound —
 * EventSource reconnects and the `hello` resynchronises it). When the client left before the
 * stream began (the request was aborted while the route prepared its work), `start` never runs
 * and `abandon` does instead, so whatever was prepared for it is released all the same.
 * It takes the request, not only its signal: a Request's signal follows the client's only while
 * the Request object lives (undici holds its AbortController through it), and a stream outlives
 * its handler — held here, a client that leaves is seen however long the stream has been open.
 */
export function sseResponse(
  req: { readonly signal: AbortSignal },
  start: (w: SseWriter) => () => void,
  opts: { heartbeatMs?: number; maxQueuedBytes?: number; abandon?: () => void } = {},
): Response {
  const signal = req.signal;
  // Dropped once the stream is finished; until then it keeps the request's signal following the client.
  let request: object | null = req;
  const encoder = new TextEncoder();
  const maxQueued = opts.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
  let closed = false;
  let cleanup: (() => void) | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let ctrl: ReadableStreamDefaultController<Uint8Array>;

  const finish = () => {
    if (closed) return;
    closed = true;
    request = null;
    if (heartbeat) clearInterval(heartbeat);
    signal.removeEventListener('abort', finish);
    cleanup?.();
    try {
      ctrl.close();
    } catch {
      /* already closed or errored by the runtime */
    }
  };

  const write = (frame: string | Uint8Array): boolean => {
    if (closed || !request) return false;
    // What the client has not taken yet: the queue's high-water mark less what it still desires.
    if (HIGH_WATER_MARK - (ctrl.desiredSize ?? 0) > maxQueued) {
      finish();
      return false;
    }
    try {
      ctrl.enqueue(typeof frame === 'string' ? encoder.encode(frame) : frame);
      return true;
    } catch {
      finish();
      return false;
    }
  };

  const writer: SseWriter = {
    send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
    frame: write,
    comment: (text) => write(`: ${text.replace(/\n/g, ' ')}\n\n`),
    close: finish,
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        ctrl = c;
        if (signal.aborted) {
          closed = true;
          c.close();
          opts.abandon?.();
          return;
        }
        signal.addEventListener('abort', finish);
        write('retry: 3000\n\n');
        cleanup = start(writer);
        heartbeat = setInterval(
          () => writer.comment(`heartbeat ${new Date().toISOString()}`),
          opts.heartbeatMs ?? 15_000,
        );
      },
      cancel() {
        finish();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK }),
  );
  return new Response(stream, { headers: SSE_HEADERS });
}
