'use client';

import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { connectionLost, connectionOpened, INITIAL_CONNECTION, reconnectDelay, type StreamConnection } from './connection-state';
import { redirectToSignIn } from '../sign-in-redirect';
import { handleDelta, handleHealth, handleHello } from './stream-handlers';
import { isCacheHealth, isDelta, isHello, parseData } from './stream-messages';

/** The SSE endpoint of the panel (same origin). */
export const STREAM_URL = '/api/stream';

/**
 * Opens the tab's one EventSource to the live stream and patches the react-query cache with
 * what it sends; mount it once (the panel layout). The browser reconnects by itself after a
 * dropped connection; when it gives up (the server answered with an HTTP error) the hook
 * re-creates the EventSource with backoff. Returns the connection state for the top bar.
 */
export function useLiveStream(qc: QueryClient, url: string = STREAM_URL): StreamConnection {
  const [conn, setConn] = useState<StreamConnection>(INITIAL_CONNECTION);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempts = 0;
    let disposed = false;

    const connect = () => {
      const es = new EventSource(url);
      source = es;
      es.onopen = () => {
        attempts = 0;
        setConn((c) => connectionOpened(c, Date.now()));
      };
      es.addEventListener('hello', (e: MessageEvent<string>) => {
        const data = parseData(e.data);
        if (isHello(data)) handleHello(qc, data);
        else console.warn('live stream: malformed hello event', e.data.slice(0, 200));
      });
      es.addEventListener('delta', (e: MessageEvent<string>) => {
        const data = parseData(e.data);
        if (isDelta(data)) handleDelta(qc, data);
        else console.warn('live stream: malformed delta event', e.data.slice(0, 200));
      });
      es.addEventListener('health', (e: MessageEvent<string>) => {
        const data = parseData(e.data);
        if (isCacheHealth(data)) handleHealth(qc, data);
        else console.warn('live stream: malformed health event', e.data.slice(0, 200));
      });
      es.onerror = () => {
        if (disposed) return;
        attempts += 1;
        setConn((c) => connectionLost(c, Date.now()));
        if (es.readyState === EventSource.CLOSED) {
          es.close();
          // The server refused the stream: if the session has ended, go and sign in again.
          void fetch('/api/auth/session', { cache: 'no-store' }).then((r) => { if (r.status === 401) redirectToSignIn(); }, () => undefined);
          timer = setTimeout(connect, reconnectDelay(attempts));
        }
      };
    };

    connect();
    return () => {
      disposed = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [qc, url]);

  return conn;
}
