import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterCache } from '@/lib/server/kube/cluster-cache';
import type { Node, Pod } from '@/lib/kube-types';
import {
  cacheBehindCutter,
  apply,
  createNamespace,
  devKubeConfig,
  eventually,
  kubectl,
  kubectlJson,
  podManifest,
  uniqueName,
} from './helpers';

const NS = uniqueName('it-cache');

describe('shared watch cache on the devcluster', () => {
  const cache = new ClusterCache(devKubeConfig(), 50);

  beforeAll(async () => {
    await createNamespace(NS);
    cache.start();
    await eventually(() => cache.everSynced() && cache.health().state === 'synced', 30_000, 'first sync');
  });

  afterAll(async () => {
    await cache.stop();
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
  });

  it('lists the same nodes as kubectl, with their GPU capacity', async () => {
    const nodes = await kubectlJson<{ items: Node[] }>(['get', 'nodes']);
    const rows = cache.views.nodes.list().items;
    expect(rows.map((r) => r.name).sort()).toEqual(nodes.items.map((n) => n.metadata.name).sort());
    for (const n of nodes.items) {
      const row = cache.views.nodes.get(n.metadata.name)!;
      expect(row.gpuAllocatable['nvidia.com/gpu'] ?? 0).toBe(Number(n.status?.allocatable?.['nvidia.com/gpu'] ?? 0));
    }
    expect(rows.filter((r) => (r.gpuCapacity['nvidia.com/gpu'] ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('follows a GPU pod from creation to Running on a node, then its deletion', async () => {
    const name = uniqueName('gpu');
    await apply(podManifest(name, NS, { gpus: 1 }));
    const row = await eventually(
      () => {
        const r = cache.views.pods.get(`${NS}/${name}`);
        return r?.phase === 'Running' && r.nodeName ? r : null;
      },
      20_000,
      'pod Running in the cache',
    );
    const live = await kubectlJson<Pod>(['get', 'pod', '-n', NS, name]);
    expect(row.nodeName).toBe(live.spec.nodeName);
    expect(row.phase).toBe(live.status?.phase);
    expect(row.gpu).toEqual({ 'nvidia.com/gpu': 1 });
    // The raw store holds the full object without managedFields.
    const raw = cache.objects<Pod>('pods').find((p) => p.metadata.name === name)!;
    expect(raw.metadata.managedFields).toBeUndefined();
    expect(raw.metadata.uid).toBe(live.metadata.uid);

    await kubectl(['delete', 'pod', '-n', NS, name, '--grace-period=0', '--force']);
    await eventually(() => !cache.views.pods.get(`${NS}/${name}`), 20_000, 'pod gone from the cache');
  });

  it('shows an unschedulable GPU pod as Pending with the scheduler message', async () => {
    const name = uniqueName('huge');
    await apply(podManifest(name, NS, { gpus: 64 }));
    const row = await eventually(
      () => (cache.views.pods.get(`${NS}/${name}`)?.schedulingMessage ? cache.views.pods.get(`${NS}/${name}`) : null),
      20_000,
      'scheduling message',
    );
    expect(row.phase).toBe('Pending');
    expect(row.nodeName).toBeNull();
    expect(row.schedulingMessage).toMatch(/Insufficient nvidia\.com\/gpu/);
    await eventually(
      () => cache.views.events.list().items.some((e) => e.involved.name === name && e.reason === 'FailedScheduling'),
      20_000,
      'FailedScheduling event',
    );
  });

  it('follows nodes being added and removed', async () => {
    const name = uniqueName('extra-node');
    await apply({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        annotations: { 'kwok.x-k8s.io/node': 'fake' },
        labels: { type: 'kwok', 'kubernetes.io/hostname': name },
      },
      status: {
        capacity: { cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '2' },
        allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '2' },
      },
    });
    const row = await eventually(
      () => (cache.views.nodes.get(name)?.ready ? cache.views.nodes.get(name) : null),
      20_000,
      'node Ready in cache',
    );
    expect(row.gpuAllocatable).toEqual({ 'nvidia.com/gpu': 2 });
    await kubectl(['delete', 'node', name]);
    await eventually(() => !cache.views.nodes.get(name), 20_000, 'node gone');
  });

  it('batches changes as deltas with contiguous revisions', async () => {
    const deltas: { from: number; to: number }[] = [];
    const off = cache.subscribe((m) => {
      if (m.type === 'delta' && m.delta.view === 'pods') deltas.push(m.delta);
    });
    const names = [uniqueName('b'), uniqueName('b'), uniqueName('b')];
    for (const n of names) await apply(podManifest(n, NS));
    await eventually(
      () => names.every((n) => cache.views.pods.get(`${NS}/${n}`)?.phase === 'Running'),
      20_000,
      'pods Running',
    );
    await new Promise((r) => setTimeout(r, 200));
    off();
    expect(deltas.length).toBeGreaterThan(0);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]!.from).toBe(deltas[i - 1]!.to);
    await kubectl(['delete', 'pod', '-n', NS, ...names, '--grace-period=0', '--force']);
  });
});

describe('a cache cut off from the API server', () => {
  it('reports reconnecting, then catches up on changes made meanwhile', async () => {
    const ns = uniqueName('it-cut');
    await createNamespace(ns);
    const kept = uniqueName('kept');
    const removed = uniqueName('removed');
    await apply(podManifest(kept, ns));
    await apply(podManifest(removed, ns));

    const { cutter, cache } = await cacheBehindCutter();
    try {
      await eventually(() => cache.everSynced() && cache.views.pods.get(`${ns}/${removed}`), 30_000, 'first sync');
      await cutter.cut();
      await eventually(() => cache.health().state === 'reconnecting', 20_000, 'reconnecting state');
      expect(cache.health().lastError).toBeTruthy();

      // Changes the cache cannot see while cut off.
      const added = uniqueName('added');
      await apply(podManifest(added, ns));
      await kubectl(['delete', 'pod', '-n', ns, removed, '--grace-period=0', '--force']);
      await kubectl(['label', 'pod', '-n', ns, kept, 'changed=yes']);
      expect(cache.views.pods.get(`${ns}/${added}`)).toBeUndefined();

      const listedBefore = cache.health().resources.pods?.listedAt;
      await cutter.open();
      await eventually(() => cache.health().state === 'synced', 40_000, 'synced again');
      await eventually(
        () =>
          cache.views.pods.get(`${ns}/${added}`) &&
          !cache.views.pods.get(`${ns}/${removed}`) &&
          cache.views.pods.get(`${ns}/${kept}`)?.labels.changed === 'yes',
        20_000,
        'changes made meanwhile',
      );
      // Resumed from its resourceVersion: the API server still had those changes, so no re-LIST.
      expect(cache.health().resources.pods?.listedAt).toBe(listedBefore);
    } finally {
      await cache.stop();
      await cutter.cut();
      await kubectl(['delete', 'namespace', ns, '--wait=false']);
    }
  });
});
