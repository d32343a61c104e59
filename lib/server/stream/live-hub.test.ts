import { describe, expect, it } from 'vitest';
import { emptyViewScope, FULL_NAMESPACES } from '../../view-scope';
import type { SseWriter } from '../http/sse';
import type { CacheMessage, ClusterCache } from '../kube/cluster-cache';
import type { ResourceClaimTemplateRow } from '../../dra-rows';
import type { ViewDelta } from '../../views';
import { joinLiveHub, scopeKey } from './live-hub';

/** The part of the cache the hub uses: subscribe. */
function fakeCache() {
  const fns = new Set<(m: CacheMessage) => void>();
  const cache = {
    subscribe(fn: (m: CacheMessage) => void) {
      fns.add(fn);
      return () => fns.delete(fn);
    },
  };
  return { cache: cache as Pick<ClusterCache, 'subscribe'> as ClusterCache, fns };
}

function writer(got: (string | Uint8Array)[]): SseWriter {
  return { send: () => true, frame: (f) => got.push(f) > 0, comment: () => true, close: () => undefined };
}

describe('live hub', () => {
  it('one cache subscription for all clients; a frame is encoded once per scope, shared by its clients', () => {
    const { cache, fns } = fakeCache();
    const full = emptyViewScope();
    full.resourceclaimtemplates = FULL_NAMESPACES;
    const teamA = emptyViewScope();
    teamA.resourceclaimtemplates = { all: false, namespaces: new Set(['a']) };
    const got: (string | Uint8Array)[][] = [[], [], [], []];
    const leave = [
      joinLiveHub(cache, writer(got[0]!), full, { full: true, facts: true }),
      joinLiveHub(cache, writer(got[1]!), full, { full: true, facts: true }),
      joinLiveHub(cache, writer(got[2]!), teamA, { full: false, facts: false }),
      joinLiveHub(
        cache,
        writer(got[3]!),
        { ...teamA, resourceclaimtemplates: { all: false, namespaces: new Set(['a']) } },
        { full: false, facts: false },
      ),
    ];
    expect(fns.size).toBe(1);
    const row = (namespace: string, name: string): ResourceClaimTemplateRow => ({
      key: `${namespace}/${name}`,
      namespace,
      name,
      uid: name,
      requests: [],
      createdAt: null,
    });
    const delta: ViewDelta = {
      view: 'resourceclaimtemplates',
      epoch: 'e',
      from: 1,
      to: 2,
      upserts: [row('a', 'p'), row('b', 'q')],
      deletes: [],
    };
    const m: CacheMessage = { type: 'delta', delta, frame: `event: delta\ndata: ${JSON.stringify(delta)}\n\n` };
    for (const fn of fns) fn(m);
    expect(got.map((g) => g.length)).toEqual([1, 1, 1, 1]);
    expect(got[0]![0]).toBeInstanceOf(Uint8Array);
    expect(got[0]![0]).toBe(got[1]![0]); // the very same bytes, not a copy each
    expect(got[2]![0]).toBe(got[3]![0]);
    const cut = new TextDecoder().decode(got[2]![0] as Uint8Array);
    expect(cut).toContain('a/p');
    expect(cut).not.toContain('b/q');
    for (const l of leave) l();
    expect(fns.size).toBe(0);
  });

  it('health frames without the API server address or counts for clients who may not list nodes, encoded once', () => {
    const { cache, fns } = fakeCache();
    const got: (string | Uint8Array)[][] = [[], [], []];
    const scope = emptyViewScope();
    const leave = [
      joinLiveHub(cache, writer(got[0]!), scope, { full: false, facts: true }),
      joinLiveHub(cache, writer(got[1]!), scope, { full: false, facts: false }),
      joinLiveHub(cache, writer(got[2]!), scope, { full: false, facts: false }),
    ];
    const health = {
      state: 'reconnecting',
      server: 'https://10.0.0.1:6443',
      lastError: 'connect ECONNREFUSED 10.0.0.1:6443',
      resources: {},
    } as unknown as Extract<CacheMessage, { type: 'health' }>['health'];
    const m: CacheMessage = { type: 'health', health, frame: `event: health\ndata: ${JSON.stringify(health)}\n\n` };
    for (const fn of fns) fn(m);
    const text = (f: string | Uint8Array) => (typeof f === 'string' ? f : new TextDecoder().decode(f));
    expect(text(got[0]![0]!)).toContain('10.0.0.1');
    expect(text(got[1]![0]!)).not.toContain('10.0.0.1');
    expect(got[1]![0]).toBe(got[2]![0]);
    for (const l of leave) l();
  });

  it('names equal scopes alike whatever the order of their namespaces', () => {
    const x = emptyViewScope();
    x.pods = { all: false, namespaces: new Set(['b', 'a']) };
    const y = emptyViewScope();
    y.pods = { all: false, namespaces: new Set(['a', 'b']) };
    expect(scopeKey(x)).toBe(scopeKey(y));
  });
});
