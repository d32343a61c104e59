/** What a log stream carries to the browser. Pure and shared by server and client. */

/** One log line, or a marker the server inserts (a pod joined or went away, lines dropped, a reconnect). */
export interface LogEntry {
  /** `l` = a line of the container's output, `m` = a marker from the panel. */
  k: 'l' | 'm';
  pod: string;
  container: string;
  /** RFC 3339 time the runtime stamped on the line ('' when unknown, e.g. some markers). */
  ts: string;
  text: string;
}

/** The SSE events of `/api/logs`. */
export interface LogBatchEvent {
  entries: LogEntry[];
}

export interface LogTarget {
  pod: string;
  container: string;
  state: 'streaming' | 'reconnecting' | 'ended';
}

export interface LogTargetsEvent {
  targets: LogTarget[];
}
