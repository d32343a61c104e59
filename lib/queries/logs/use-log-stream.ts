'use client';

import { useState } from 'react';
import { LogStore } from '../../logs/log-store';
import { streamUrl, type LogSource } from '../../logs/presets';
import type { LogEntry, LogTarget } from '../../logs/types';
import type { SubState } from '../stream/subscription';
import { useEventStream } from '../use-event-stream';

export type StreamState =
  | { state: 'connecting' }
  | { state: 'live' }
  | { state: 'reconnecting'; attempt: number }
  | { state: 'ended' }
  | { state: 'error'; status: number; message: string };

function toStreamState(s: SubState): StreamState {
  switch (s.status) {
    case 'connecting':
      return { state: 'connecting' };
    case 'open':
      return { state: 'live' };
    case 'reconnecting':
      return { state: 'reconnecting', attempt: s.attempts };
    case 'ended':
      return { state: 'ended' };
    case 'error':
      return { state: 'error', status: s.httpStatus, message: s.message };
  }
}

/** The query strings of a log subscription: those `/api/logs` takes (resume replaces tail/since). */
export function logQuery(source: LogSource, resumeSince: string | null): Record<string, string> {
  return Object.fromEntries(new URL(streamUrl(source, resumeSince), 'http://panel.invalid').searchParams);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/**
 * One log view, as a subscription of the browser's shared stream. Lines go into a LogStore
 * (ring buffer, pause, resume filter); the hook re-renders on each batch through `version`.
 * After a dropped connection it subscribes again from the last line seen, and the lines already
 * shown are dropped. A refusal (4xx) ends with the server's message. Mount with `key` = the
 * source: a new source is a new stream and an empty view.
 */
export function useLogStream(source: LogSource, capacity: number) {
  const [store] = useState(() => new LogStore(capacity));
  const [version, setVersion] = useState(0);
  const [targets, setTargets] = useState<LogTarget[]>([]);
  const { state } = useEventStream(
    {
      topic: 'logs',
      request: () => ({
        topic: 'logs',
        query: logQuery(source, store.length > 0 || store.newestTs() !== null ? store.beginResume() : null),
      }),
    },
    streamUrl(source),
    (event, data) => {
      if (event === 'lines' && isObject(data) && Array.isArray(data.entries)) {
        store.add(data.entries as LogEntry[]);
        setVersion((v) => v + 1);
      } else if (event === 'targets' && isObject(data) && Array.isArray(data.targets)) {
        setTargets(data.targets as LogTarget[]);
      }
    },
  );
  return { store, version, state: toStreamState(state), targets, refresh: () => setVersion((v) => v + 1) };
}
