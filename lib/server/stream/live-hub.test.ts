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
      joinLiveHub(cache, writer(got[0]!), full, true),
      joinLiveHub(cache, writer(got[1]!), full, true),
      joinLiveHub(cache, writer(got[2]!), teamA, false),
      joinLiveHub(
        cache,
        writer(got[3]!),
        { ...teamA, resourceclaimtemplates: { all: false, namespaces: new Set(['a']) } },
        false,
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

  it('names equal scopes alike whatever the order of their namespaces', () => {
    const x = emptyViewScope();
    x.pods = { all: false, namespaces: new Set(['b', 'a']) };
    const y = emptyViewScope();
    y.pods = { all: false, namespaces: new Set(['a', 'b']) };
    expect(scopeKey(x)).toBe(scopeKey(y));
  });
});
