import { describe, expect, it } from 'vitest';
import type { CacheHealth } from '../../health';
import {
  connectionLost,
  connectionOpened,
  describeCacheState,
  INITIAL_CONNECTION,
  reconnectDelay,
  type StreamConnection,
} from './connection-state';

const health = (state: CacheHealth['state'], lastError: string | null = null): CacheHealth => ({
  state,
  lastError,
  since: '2026-01-01T10:00:00Z',
  server: null,
  resources: {},
});
const open: StreamConnection = { status: 'open', since: 1000, attempts: 0 };

describe('connection transitions', () => {
  it('keeps the time the connection dropped across failed attempts', () => {
    const lost = connectionLost(open, 5000);
    expect(lost).toEqual({ status: 'reconnecting', since: 5000, attempts: 1 });
    expect(connectionLost(lost, 9000)).toEqual({ status: 'reconnecting', since: 5000, attempts: 2 });
    expect(connectionOpened(lost, 12000)).toEqual({ status: 'open', since: 12000, attempts: 0 });
  });
  it('uses the failure time when the first connection never opened', () => {
    expect(connectionLost(INITIAL_CONNECTION, 7000).since).toBe(7000);
  });
  it('backs off from 1 s to 30 s', () => {
    expect([1, 2, 3, 6, 20].map(reconnectDelay)).toEqual([1000, 2000, 4000, 30000, 30000]);
  });
});

describe('describeCacheState', () => {
  it('is synced when the stream is open and the cache synced', () => {
    expect(describeCacheState(open, health('synced'))).toMatchObject({ kind: 'synced', stale: false });
  });
  it('is connecting before the first health arrives', () => {
    expect(describeCacheState(INITIAL_CONNECTION, undefined).kind).toBe('connecting');
    expect(describeCacheState(open, undefined).kind).toBe('connecting');
  });
  it('is starting while the cache lists for the first time', () => {
    expect(describeCacheState(open, health('starting')).kind).toBe('starting');
  });
  it('is reconnecting and stale from the drop time when the stream is down', () => {
    const s = describeCacheState({ status: 'reconnecting', since: 4242, attempts: 3 }, health('synced'));
    expect(s).toMatchObject({ kind: 'reconnecting', stale: true, staleSince: 4242 });
  });
  it('is reconnecting and stale from the health time when the cache lost its watch', () => {
    const s = describeCacheState(open, health('reconnecting', 'connection refused'));
    expect(s).toMatchObject({ kind: 'reconnecting', stale: true, staleSince: '2026-01-01T10:00:00Z' });
    expect(s.detail).toContain('connection refused');
  });
  it('is failed with the server error, whatever the stream does', () => {
    const s = describeCacheState(
      { status: 'reconnecting', since: 1, attempts: 1 },
      health('failed', 'forbidden: cannot list pods'),
    );
    expect(s).toMatchObject({ kind: 'failed', stale: true });
    expect(s.detail).toContain('forbidden: cannot list pods');
  });
});
