import { describe, expect, it } from 'vitest';
import { describeCacheState } from './queries/stream/connection-state';
import { notServedResources, withoutClusterFacts, worstState, type CacheHealth, type ResourceHealth } from './health';

const r = (state: ResourceHealth['state']): ResourceHealth => ({
  state,
  objects: 0,
  lastError: null,
  listedAt: null,
  since: '2026-01-01T10:00:00Z',
});

describe('not-served resources', () => {
  it('rank as synced: a cluster without an optional group is fully mirrored', () => {
    expect(worstState(['synced', 'not-served'])).toBe('synced');
    expect(worstState(['not-served'])).toBe('synced');
    expect(worstState(['not-served', 'starting'])).toBe('starting');
    expect(worstState(['failed', 'not-served'])).toBe('failed');
  });

  it('are named plainly in the top bar, which stays "Synced"', () => {
    const health: CacheHealth = {
      state: 'synced',
      lastError: null,
      since: '2026-01-01T10:00:00Z',
      server: null,
      resources: { nodes: r('synced'), resourceslices: r('not-served'), deviceclasses: r('not-served') },
    };
    expect(notServedResources(health)).toEqual(['deviceclasses', 'resourceslices']);
    const s = describeCacheState({ status: 'open', since: 1, attempts: 0 }, health);
    expect(s).toMatchObject({ kind: 'synced', label: 'Synced', stale: false });
    expect(s.detail).toContain('not served by this cluster: deviceclasses, resourceslices');
  });
});

describe('withoutClusterFacts', () => {
  it('keeps states and times, drops the API server address (also from errors) and the object counts', () => {
    const full: CacheHealth = {
      state: 'reconnecting',
      lastError: 'request to https://10.0.0.1:6443/api/v1/pods failed',
      since: '2026-01-01T10:00:00Z',
      server: 'https://10.0.0.1:6443',
      resources: {
        pods: { ...r('reconnecting'), objects: 1234, lastError: 'connect ECONNREFUSED 10.0.0.1:6443' },
        resourceslices: r('not-served'),
      },
    };
    const seen = withoutClusterFacts(full);
    expect(seen.server).toBeNull();
    expect(seen.state).toBe('reconnecting');
    expect(JSON.stringify(seen)).not.toContain('10.0.0.1');
    expect(seen.lastError).toBe('request to the API server/api/v1/pods failed');
    expect(seen.resources.pods).toMatchObject({ state: 'reconnecting', objects: null, since: full.since });
    expect(notServedResources(seen)).toEqual(['resourceslices']);
  });
});
