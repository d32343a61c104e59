'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/queries/query-client';
import { LiveStreamProvider } from '@/lib/queries/stream/live-stream-context';

/**
 * One QueryClient per tab and the tab's one live stream, which keeps the cached views current
 * (so views never refetch on focus or on a timer).
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={client}>
      <LiveStreamProvider>{children}</LiveStreamProvider>
    </QueryClientProvider>
  );
}
