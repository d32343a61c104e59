import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheHealth } from '../../health';
import type { PodRow, Row, ViewDelta } from '../../views';
import { podRow } from '../../../test/builders/rows';
import { auditKeys } from '../audit/keys';
import { healthKeys } from '../health/keys';
import { nodeKeys } from '../nodes/keys';
import { podKeys } from '../pods/keys';
import type { ViewResponse } from '../view-response';
import { handleDelta, handleHealth, handleHello } from './stream-handlers';

const health = (state: CacheHealth['state'], lastError: string | null = null): CacheHealth => ({
  state,
  lastError,
  since: '2026-01-01T00:00:00Z',
  server: null,
  resources: {},
});

const clients: QueryClient[] = [];
function client(): QueryClient {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(qc);
  return qc;
}
afterEach(() => {
  for (const c of clients.splice(0)) c.clear();
});

function seedPods(qc: QueryClient, revision: number, items: PodRow[] = [podRow({ name: 'a' })]) {
  qc.setQueryData<ViewResponse<PodRow>>(podKeys.list(), { items, revision, epoch: 'e1', health: health('synced') });
}

const invalidated = (qc: QueryClient, key: readonly string[]) => qc.getQueryState(key)?.isInvalidated ?? false;

describe('handleDelta', () => {
  it('patches a cached view in place and keeps its health', () => {
    const qc = client();
    seedPods(qc, 5, [podRow({ name: 'a' }), podRow({ name: 'b' })]);
    const delta: ViewDelta<Row> = {
      view: 'pods',
      epoch: 'e1',
      from: 5,
      to: 7,
      upserts: [podRow({ name: 'c' }), podRow({ name: 'a', status: 'Error' })],
      deletes: ['default/b'],
    };
    expect(handleDelta(qc, delta)).toBe('applied');
    const d = qc.getQueryData<ViewResponse<PodRow>>(podKeys.list())!;
    expect(d.revision).toBe(7);
    expect(d.items.map((p) => `${p.name}:${p.status}`).sort()).toEqual(['a:Error', 'c:Running']);
    expect(d.health.state).toBe('synced');
    expect(invalidated(qc, podKeys.list())).toBe(false);
  });

  it('refreshes the audit trail when an audit Event arrives, and only then', () => {
    const qc = client();
    qc.setQueryData(auditKeys.list({}), { items: [], total: 0, namespace: 'imagepod' });
    const ev = (key: string) => ({ key, namespace: key.split('/')[0]! }) as unknown as Row;
    handleDelta(qc, { view: 'events', epoch: 'e1', from: 1, to: 2, upserts: [ev('imagepod/pod-x.1871')], deletes: [] });
    expect(invalidated(qc, auditKeys.list({}) as unknown as string[])).toBe(false);
    handleDelta(qc, {
      view: 'events',
      epoch: 'e1',
      from: 2,
      to: 3,
      upserts: [ev('imagepod/imagepod-audit-x7k2')],
      deletes: [],
    });
    expect(invalidated(qc, auditKeys.list({}) as unknown as string[])).toBe(true);
  });

  it('ignores a delta the list already contains', () => {
    const qc = client();
    seedPods(qc, 9);
    expect(
      handleDelta(qc, { view: 'pods', epoch: 'e1', from: 5, to: 7, upserts: [podRow({ name: 'zzz' })], deletes: [] }),
    ).toBe('stale');
    expect(qc.getQueryData<ViewResponse<PodRow>>(podKeys.list())!.items).toHaveLength(1);
    expect(invalidated(qc, podKeys.list())).toBe(false);
  });

  it('refetches the view on a gap, and only that view', () => {
    const qc = client();
    seedPods(qc, 3);
    qc.setQueryData(nodeKeys.list(), { items: [], revision: 1, epoch: 'e1', health: health('synced') });
    expect(handleDelta(qc, { view: 'pods', epoch: 'e1', from: 5, to: 6, upserts: [], deletes: [] })).toBe('gap');
    expect(invalidated(qc, podKeys.list())).toBe(true);
    expect(invalidated(qc, nodeKeys.list())).toBe(false);
  });

  it('leaves a view nobody loaded alone', () => {
    const qc = client();
    expect(
      handleDelta(qc, { view: 'pods', epoch: 'e1', from: 0, to: 1, upserts: [podRow({ name: 'a' })], deletes: [] }),
    ).toBe('uncached');
    expect(qc.getQueryData(podKeys.list())).toBeUndefined();
  });

  it('refetches on a delta from another epoch, whatever its numbers', () => {
    const qc = client();
    seedPods(qc, 3);
    expect(handleDelta(qc, { view: 'pods', epoch: 'e2', from: 3, to: 4, upserts: [], deletes: [] })).toBe('gap');
    expect(invalidated(qc, podKeys.list())).toBe(true);
  });
});

describe('handleHello', () => {
  it('stores the health and refetches only views whose revision differs', () => {
    const qc = client();
    seedPods(qc, 10);
    qc.setQueryData(nodeKeys.list(), { items: [], revision: 4, epoch: 'e1', health: health('synced') });
    const views = handleHello(qc, {
      epoch: 'e1',
      revisions: { pods: 10, nodes: 6, workloads: 2, events: 1 },
      health: health('synced'),
    });
    expect(views).toEqual(['nodes']);
    expect(qc.getQueryData(healthKeys.all)).toEqual(health('synced'));
    expect(invalidated(qc, podKeys.list())).toBe(false);
    expect(invalidated(qc, nodeKeys.list())).toBe(true);
  });

  it('refetches every loaded view when the server restarted (another epoch)', () => {
    const qc = client();
    seedPods(qc, 500);
    expect(handleHello(qc, { epoch: 'e2', revisions: { pods: 600 }, health: health('synced') })).toEqual(['pods']);
  });

  it('keeps a view that a fetch moved ahead of the hello in the same epoch', () => {
    const qc = client();
    seedPods(qc, 12);
    expect(handleHello(qc, { epoch: 'e1', revisions: { pods: 10 }, health: health('synced') })).toEqual([]);
  });

  it('refetches a view that has no data, so a failed first load recovers', async () => {
    const qc = client();
    await qc.prefetchQuery({ queryKey: podKeys.list(), queryFn: () => Promise.reject(new Error('503')) });
    expect(qc.getQueryState(podKeys.list())?.status).toBe('error');
    expect(handleHello(qc, { epoch: 'e1', revisions: { pods: 1 }, health: health('synced') })).toEqual(['pods']);
  });

  it('updates the health of views it keeps', () => {
    const qc = client();
    seedPods(qc, 10);
    handleHello(qc, { epoch: 'e1', revisions: { pods: 10 }, health: health('reconnecting', 'watch closed') });
    expect(qc.getQueryData<ViewResponse<PodRow>>(podKeys.list())!.health.state).toBe('reconnecting');
  });
});

describe('handleHealth', () => {
  it('replaces the health on the health key and on every cached view, keeping rows', () => {
    const qc = client();
    seedPods(qc, 10);
    handleHealth(qc, health('reconnecting', 'connection refused'));
    expect(qc.getQueryData<CacheHealth>(healthKeys.all)!.state).toBe('reconnecting');
    const d = qc.getQueryData<ViewResponse<PodRow>>(podKeys.list())!;
    expect(d.health.lastError).toBe('connection refused');
    expect(d.items).toHaveLength(1);
    expect(invalidated(qc, podKeys.list())).toBe(false);
  });

  it('refetches views whose first load failed', async () => {
    const qc = client();
    await qc.prefetchQuery({ queryKey: podKeys.list(), queryFn: () => Promise.reject(new Error('503')) });
    handleHealth(qc, health('synced'));
    expect(invalidated(qc, podKeys.list())).toBe(true);
  });
});
