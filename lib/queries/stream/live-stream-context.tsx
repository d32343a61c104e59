'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { INITIAL_CONNECTION, type StreamConnection } from './connection-state';
import { useLiveStream } from './use-live-stream';

const LiveStreamContext = createContext<StreamConnection>(INITIAL_CONNECTION);

/** Runs the tab's live stream (once) and shares its connection state with the page. */
export function LiveStreamProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const conn = useLiveStream(qc);
  return <LiveStreamContext value={conn}>{children}</LiveStreamContext>;
}

/** The live stream's connection state (connecting, open, reconnecting). */
export function useStreamConnection(): StreamConnection {
  return useContext(LiveStreamContext);
}
