'use client';

import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useEventStream } from '../use-event-stream';
import { VIEW_NAMES } from '../view-response';
import { INITIAL_CONNECTION, type StreamConnection } from './connection-state';
import { HubClient } from './hub-client';
import { HubClientContext } from './hub-context';
import { handleDelta, handleHealth, handleHello } from './stream-handlers';
import { isCacheHealth, isDelta, isHello } from './stream-messages';
import { viewQueryKey } from '../view-keys';

const LiveStreamContext = createContext<{ conn: StreamConnection; shared: boolean }>({
  conn: INITIAL_CONNECTION,
  shared: true,
});

function onLiveEvent(qc: QueryClient, event: string, data: unknown): void {
  if (event === 'hello' && isHello(data)) handleHello(qc, data);
  else if (event === 'delta' && isDelta(data)) handleDelta(qc, data);
  else if (event === 'health' && isCacheHealth(data)) handleHealth(qc, data);
  else console.warn(`live stream: malformed ${event} event`);
}

function LiveViews({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { conn, shared } = useEventStream({ topic: 'live' }, 'live', (event, data) => onLiveEvent(qc, event, data));
  return <LiveStreamContext value={{ conn, shared }}>{children}</LiveStreamContext>;
}

/**
 * Joins the browser's one shared stream (once per tab, in the panel layout) and keeps the
 * react-query cache current from it; shares the connection state with the page. `session` is
 * the page's session tag: a stream of another session is never applied to this page.
 */
export function LiveStreamProvider({ session, children }: { session: string; children: ReactNode }) {
  const qc = useQueryClient();
  // Made once per tab (the constructor touches nothing of the browser); started in the effect.
  const [client] = useState(() => new HubClient(session));
  useEffect(() => {
    client.start();
    // Back from a freeze: events may have been missed, so every loaded view is fetched again.
    const off = client.onResync(() => {
      for (const view of VIEW_NAMES)
        void qc.invalidateQueries({ queryKey: viewQueryKey(view), exact: true }, { cancelRefetch: false });
    });
    return () => {
      off();
      client.stop();
    };
  }, [client, qc]);
  return (
    <HubClientContext value={client}>
      <LiveViews>{children}</LiveViews>
    </HubClientContext>
  );
}

/** The live stream's connection state (connecting, open, reconnecting). */
export function useStreamConnection(): StreamConnection {
  return useContext(LiveStreamContext).conn;
}

/** False where the browser lacks SharedWorker, so this tab holds a connection of its own. */
export function useStreamShared(): boolean {
  return useContext(LiveStreamContext).shared;
}
