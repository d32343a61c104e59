'use client';

import { createContext, useContext } from 'react';
import type { HubClient } from './hub-client';

/** The tab's client of the shared stream (null until it starts in the browser). */
export const HubClientContext = createContext<HubClient | null>(null);

export function useHubClient(): HubClient | null {
  return useContext(HubClientContext);
}
