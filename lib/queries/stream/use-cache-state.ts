'use client';

import { useHealthQuery } from '../health/health-query';
import { describeCacheState, type CacheState } from './connection-state';
import { useStreamConnection } from './live-stream-context';

/** The cache state the top bar and stale banners show: stream connection plus cache health. */
export function useCacheState(): CacheState {
  const conn = useStreamConnection();
  const { data: health } = useHealthQuery();
  return describeCacheState(conn, health);
}
