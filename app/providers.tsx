'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/queries/query-client';
import { showToast, Toaster } from '@/components/feedback/toaster';

/** One QueryClient per tab (the panel layout adds the tab's one live stream); every action's toast. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(() => makeQueryClient(showToast));
  return (
    <QueryClientProvider client={client}>
      {children}
      <Toaster />
    </QueryClientProvider>
  );
}
