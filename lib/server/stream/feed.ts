import 'server-only';

/** Where a feed writes: an SSE writer, or one subscription on a multiplexed channel. */
export interface FeedSink {
  /** Sends one event; false once the sink is closed. */
  send(event: string, data: unknown): boolean;
  /** Ends the feed from its own side (a finished log, an expired session). */
  close(): void;
}

/**
 * Work prepared for one stream (a log stream's slot and upstream requests, a deploy listener):
 * started exactly once on a sink, whose returned cleanup releases everything, or abandoned
 * when nobody will read it (the client left first). Both are safe to call more than once.
 */
export interface Feed {
  start(sink: FeedSink): () => void;
  abandon(): void;
}
