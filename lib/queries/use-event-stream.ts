'use client';

import { useEffect, useRef, useState } from 'react';
import { INITIAL_CONNECTION, type StreamConnection } from './stream/connection-state';
import { useHubClient } from './stream/hub-context';
import { parseData } from './stream/stream-messages';
import type { SubRequest, SubState } from './stream/subscription';

/**
 * What to follow on the shared stream: the live views (hello/delta/health of the cluster
 * cache), deploy progress (`run`), or one log stream (`targets`/`lines`/`end`; `request` is
 * called at every (re)subscribe, so it can carry the resume point).
 */
export type EventStreamSpec = { topic: 'live' } | { topic: 'deploy' } | { topic: 'logs'; request: () => SubRequest };

export interface EventStream {
  /** This stream's state (for `live`: the connection's). */
  state: SubState;
  /** The shared connection: when it dropped, how many attempts since. */
  conn: StreamConnection;
  /** False where SharedWorker is missing and this tab holds its own connection. */
  shared: boolean;
}

function liveState(conn: StreamConnection): SubState {
  if (conn.status === 'open') return { status: 'open' };
  if (conn.status === 'reconnecting') return { status: 'reconnecting', attempts: conn.attempts };
  return { status: 'connecting' };
}

/**
 * The one browser hook for an event stream: every stream of the panel rides the browser's one
 * shared connection (see hub-client.ts), reconnects with the one backoff and re-subscribes on a
 * new channel. `key` names the stream: a new key is a new subscription. `onEvent` may change
 * between renders (the latest is called).
 */
export function useEventStream(
  spec: EventStreamSpec,
  key: string,
  onEvent: (event: string, data: unknown) => void,
): EventStream {
  const client = useHubClient();
  const handler = useRef(onEvent);
  const specRef = useRef(spec);
  useEffect(() => {
    handler.current = onEvent;
    specRef.current = spec;
  });
  const [conn, setConn] = useState<StreamConnection>(INITIAL_CONNECTION);
  const [shared, setShared] = useState(true);
  const [state, setState] = useState<SubState>({ status: 'connecting' });

  useEffect(() => {
    if (!client) return;
    const offStatus = client.onStatus((s) => {
      setConn(s.conn);
      setShared(s.shared);
    });
    const topic = specRef.current.topic;
    if (topic === 'live') {
      const offView = client.onView((event, data) => handler.current(event, parseData(data)));
      return () => {
        offStatus();
        offView();
      };
    }
    const end = client.subscribe({
      request: () => {
        const s = specRef.current;
        return s.topic === 'logs' ? s.request() : { topic: 'deploy' };
      },
      event: (event, data) => handler.current(event, data),
      state: setState,
    });
    return () => {
      offStatus();
      end();
    };
  }, [client, key]);

  return { state: spec.topic === 'live' ? liveState(conn) : state, conn, shared };
}
