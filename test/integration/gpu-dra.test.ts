/**
 * DRA and the GPU model on the devcluster: the watch cache mirrors resource.k8s.io/v1 where it is
 * served and says "not served" where it is not; MIG, shared and DRA pods and claims created here
 * are placed by the real scheduler, and the model built from the cache (raw objects, and rows
 * through the browser's adapter) says what the scheduler did, and frees the unit when the pod goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGpuCluster } from '@/lib/gpu/model';
import { gpuInputFromRows } from '@/lib/gpu/from-rows';
import { nodeGpuNumbers } from '@/lib/gpu/inventory';
import type { GpuPod, ResourceClaim, ResourceSlice } from '@/lib/gpu/dra-types';
import type { GpuClusterModel } from '@/lib/gpu/model-types';
import type { Node } from '@/lib/kube-types';
import { CACHED_RESOURCES, ClusterCache } from '@/lib/server/kube/cluster-cache';
import { apply, createNamespace, devKubeConfig, eventually, kubectl, kubectlJson, uniqueName } from './helpers';

const NS = uniqueName('it-gpu-dra');
const TOLERATE = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];

const pod = (
  name: string,
  extra: {
    resources?: Record<string, string>;
    claims?: { name: string; resourceClaimName?: string; resourceClaimTemplateName?: string }[];
  },
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS, labels: { test: 'integration' } },
  spec: {
    tolerations: TOLERATE,
    containers: [
      {
        name: 'main',
        image: 'registry.local/cuda:1',
        resources: {
          ...(extra.resources ? { requests: extra.resources, limits: extra.resources } : {}),
          ...(extra.claims ? { claims: extra.claims.map((c) => ({ name: c.name })) } : {}),
        },
      },
    ],
    ...(extra.claims ? { resourceClaims: extra.claims } : {}),
  },
});
const exactly = (deviceClassName: string, count = 1) => ({
  devices: { requests: [{ name: 'gpu', exactly: { deviceClassName, count } }] },
});

function modelOf(cache: ClusterCache): GpuClusterModel {
  return buildGpuCluster({
    nodes: cache.objects<Node>('nodes'),
    pods: cache.objects<GpuPod>('pods'),
    slices: cache.objects<ResourceSlice>('resourceslices'),
    claims: cache.objects<ResourceClaim>('resourceclaims'),
  });
}

function modelFromRows(cache: ClusterCache): GpuClusterModel {
  return buildGpuCluster(
    gpuInputFromRows({
      nodes: cache.views.nodes.list().items,
      pods: cache.views.pods.list().items,
      slices: cache.views.resourceslices.list().items,
      claims: cache.views.resourceclaims.list().items,
    }),
  );
}

describe('an API group the cluster does not serve', () => {
  it('is marked not-served, counts as synced, and is not retried in a loop', async () => {
    const nodes = CACHED_RESOURCES.find((d) => d.name === 'nodes')!;
    const slices = CACHED_RESOURCES.find((d) => d.name === 'resourceslices')!;
    // The table entry as it would be for a group this cluster lacks.
    const absent = { ...slices, path: '/apis/gpu.example.invalid/v1/resourceslices' };
    const cache = new ClusterCache(devKubeConfig(), 50, { resources: [nodes, absent], notServedRecheckMs: 60_000 });
    cache.start();
    try {
      await eventually(() => cache.everSynced(), 20_000, 'first sync');
      const h = cache.health();
      expect(h.resources.resourceslices).toMatchObject({
        state: 'not-served',
        objects: 0,
        lastError: null,
        listedAt: null,
      });
      expect(h.state).toBe('synced');
      expect(h.lastError).toBeNull();
      const since = h.resources.resourceslices!.since;
      // With a fast retry the reflector would go through starting/failed states; it stays put.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(cache.health().resources.resourceslices).toMatchObject({ state: 'not-served', since });
      expect(cache.views.resourceslices.list().items).toEqual([]);
    } finally {
      await cache.stop();
    }
  }, 40_000);

  it('a required (non-optional) entry for the same group is a failure, not "not served"', async () => {
    const slices = CACHED_RESOURCES.find((d) => d.name === 'resourceslices')!;
    const cache = new ClusterCache(devKubeConfig(), 50, {
      resources: [{ ...slices, optional: false, path: '/apis/gpu.example.invalid/v1/resourceslices' }],
    });
    cache.start();
    try {
      await eventually(() => cache.health().resources.resourceslices?.lastError, 20_000, 'an error');
      expect(cache.health().resources.resourceslices!.state).toBe('starting');
      expect(cache.everSynced()).toBe(false);
    } finally {
      await cache.stop();
    }
  }, 40_000);
});

describe('DRA and the GPU model on the devcluster', () => {
  const cache = new ClusterCache(devKubeConfig(), 50);

  beforeAll(async () => {
    await createNamespace(NS);
    cache.start();
    await eventually(() => cache.everSynced() && cache.health().state === 'synced', 30_000, 'first sync');
  }, 60_000);

  afterAll(async () => {
    await cache.stop();
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
  });

  it("mirrors the fixtures' DeviceClasses and ResourceSlices as kubectl lists them", async () => {
    expect(cache.health().resources.resourceslices!.state).toBe('synced');
    const live = await kubectlJson<{ items: ResourceSlice[] }>(['get', 'resourceslices']);
    const rows = cache.views.resourceslices.list().items;
    expect(rows.map((r) => r.name).sort()).toEqual(live.items.map((s) => s.metadata.name).sort());
    for (const s of live.items) {
      const row = cache.views.resourceslices.get(s.metadata.name)!;
      expect(row).toMatchObject({ driver: s.spec.driver, nodeName: s.spec.nodeName ?? null, pool: s.spec.pool });
      expect(row.devices.map((d) => d.name)).toEqual((s.spec.devices ?? []).map((d) => d.name));
    }
    expect(cache.views.deviceclasses.list().items.map((r) => r.name)).toEqual(
      expect.arrayContaining(['gpu.nvidia.com', 'mig.nvidia.com']),
    );
  });

  it('MIG, shared and DRA pods: the model per node equals what the scheduler did, and frees the unit on delete', async () => {
    const mig = uniqueName('mig');
    const shared = uniqueName('shared');
    const draPod = uniqueName('dra');
    const migClaim = uniqueName('migclaim');
    const migClaimPod = uniqueName('dramig');
    const stuck = uniqueName('stuck');
    await apply({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaimTemplate',
      metadata: { name: 'one-gpu', namespace: NS },
      spec: { spec: exactly('gpu.nvidia.com') },
    });
    await apply({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaim',
      metadata: { name: migClaim, namespace: NS },
      spec: exactly('mig.nvidia.com'),
    });
    await apply({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaim',
      metadata: { name: stuck, namespace: NS },
      spec: exactly('gpu.nvidia.com', 8),
    });
    await apply(pod(mig, { resources: { 'nvidia.com/mig-1g.10gb': '1' } }));
    await apply(pod(shared, { resources: { 'nvidia.com/gpu.shared': '1' } }));
    await apply(pod(draPod, { claims: [{ name: 'gpu', resourceClaimTemplateName: 'one-gpu' }] }));
    await apply(pod(migClaimPod, { claims: [{ name: 'gpu', resourceClaimName: migClaim }] }));
    await apply(pod(stuck, { claims: [{ name: 'gpu', resourceClaimName: stuck }] }));

    const placed = [mig, shared, draPod, migClaimPod];
    await eventually(
      () =>
        placed.every((n) => cache.views.pods.get(`${NS}/${n}`)?.phase === 'Running') &&
        cache.views.pods.get(`${NS}/${stuck}`)?.schedulingMessage,
      60_000,
      'pods Running and the stuck one unschedulable',
    );
    // The claims' allocations reach the cache after the binding; wait until the cache agrees with kubectl.
    const liveClaims = await eventually(
      async () => {
        const live = await kubectlJson<{ items: ResourceClaim[] }>(['get', 'resourceclaims', '-n', NS]);
        const allocated = live.items.filter((c) => c.status?.allocation);
        const synced =
          allocated.length === 2 &&
          allocated.every(
            (c) =>
              cache.object<ResourceClaim>('resourceclaims', `${NS}/${c.metadata.name}`)?.metadata.resourceVersion ===
              c.metadata.resourceVersion,
          );
        return synced ? live.items : null;
      },
      30_000,
      'claims allocated and cached',
    );
    const livePods = await kubectlJson<{ items: GpuPod[] }>(['get', 'pods', '-A']);
    await eventually(
      () => livePods.items.every((p) => cache.object('pods', `${p.metadata.namespace}/${p.metadata.name}`)),
      20_000,
      'pods cached',
    );

    const model = modelOf(cache);
    const byNode = new Map(model.nodes.map((n) => [n.node, n]));

    // Device-plugin units: each resource's requested count on a node is what kubectl's bound pods ask.
    for (const [name, resource] of [
      [mig, 'nvidia.com/mig-1g.10gb'],
      [shared, 'nvidia.com/gpu.shared'],
    ] as const) {
      const live = livePods.items.find((p) => p.metadata.namespace === NS && p.metadata.name === name)!;
      const node = live.spec.nodeName!;
      expect(model.holdings.get(`${NS}/${name}`)).toMatchObject({ node, requests: { [resource]: 1 } });
      const onNode = livePods.items.filter(
        (p) => p.spec.nodeName === node && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''),
      );
      const asked = onNode.reduce(
        (a, p) =>
          a +
          p.spec.containers.reduce(
            (b, c) => b + Number(c.resources?.requests?.[resource] ?? c.resources?.limits?.[resource] ?? 0),
            0,
          ),
        0,
      );
      const summary = byNode.get(node)!.summaries.find((s) => s.resource === resource)!;
      expect(summary.requested).toBe(asked);
      expect(summary.holders.some((h) => h.holder.pod?.name === name)).toBe(true);
    }

    // DRA: every allocated device is allocated in the model, on the pool's node, to the claim and the pods it is reserved for.
    for (const c of liveClaims.filter((x) => x.status?.allocation)) {
      const reserved = (c.status?.reservedFor ?? []).map((r) => r.name).sort();
      expect(reserved.length).toBe(1);
      const livePod = livePods.items.find((p) => p.metadata.namespace === NS && p.metadata.name === reserved[0])!;
      for (const r of c.status!.allocation!.devices!.results!) {
        const nodeModel = byNode.get(livePod.spec.nodeName!)!;
        const unit = nodeModel.gpus
          .flatMap((g) => g.units)
          .find((u) => u.device?.driver === r.driver && u.device.pool === r.pool && u.device.device === r.device)!;
        expect(unit, `${r.driver}/${r.pool}/${r.device} on ${nodeModel.node}`).toBeDefined();
        expect(unit.state).toBe('allocated');
        expect(unit.holders).toContainEqual({
          claim: { namespace: NS, name: c.metadata.name },
          pod: { namespace: NS, name: reserved[0] },
        });
      }
      expect(model.holdings.get(`${NS}/${reserved[0]}`)!.claims).toContainEqual({
        claim: { namespace: NS, name: c.metadata.name },
        devices: c.status!.allocation!.devices!.results!.map(({ driver, pool, device }) => ({ driver, pool, device })),
      });
    }
    // The claim nothing can satisfy, and its pod with the scheduler's reason.
    expect(model.pendingClaims.map((c) => c.claim)).toContainEqual({ namespace: NS, name: stuck });
    const pending = model.pendingPods.find((p) => p.pod.name === stuck)!;
    expect(pending.claims).toEqual([{ namespace: NS, name: stuck }]);
    const liveStuck = livePods.items.find((p) => p.metadata.namespace === NS && p.metadata.name === stuck)!;
    expect(pending.reason).toBe(liveStuck.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message);
    expect(pending.reason).toMatch(/cannot allocate all claims/);

    // The browser's model (rows through the adapter) says the same as the model of the raw objects.
    const fromRows = modelFromRows(cache);
    expect(fromRows.nodes.map(nodeGpuNumbers)).toEqual(model.nodes.map(nodeGpuNumbers));
    expect([...fromRows.holdings.entries()].sort()).toEqual([...model.holdings.entries()].sort());
    expect(fromRows.pendingPods.map((p) => [p.pod, p.reason])).toEqual(model.pendingPods.map((p) => [p.pod, p.reason]));

    // Deleting the DRA pod frees its device; deleting the MIG pod frees its slice.
    const draClaim = liveClaims.find((c) => c.status?.reservedFor?.some((r) => r.name === draPod))!;
    const device = draClaim.status!.allocation!.devices!.results![0]!;
    const draNode = livePods.items.find((p) => p.metadata.name === draPod)!.spec.nodeName!;
    const migNode = livePods.items.find((p) => p.metadata.name === mig)!.spec.nodeName!;
    const migBefore = byNode.get(migNode)!.summaries.find((s) => s.resource === 'nvidia.com/mig-1g.10gb')!.requested;
    await kubectl(['delete', 'pod', '-n', NS, draPod, mig, '--wait=false']);
    await eventually(
      () => {
        const m = modelOf(cache);
        const n = m.nodes.find((x) => x.node === draNode)!;
        const unit = n.gpus
          .flatMap((g) => g.units)
          .find((u) => u.device?.device === device.device && u.device.pool === device.pool)!;
        const migNow = m.nodes
          .find((x) => x.node === migNode)!
          .summaries.find((s) => s.resource === 'nvidia.com/mig-1g.10gb')!.requested;
        return unit.state === 'free' && !m.holdings.has(`${NS}/${draPod}`) && migNow === migBefore - 1;
      },
      60_000,
      'the device and the slice free in the model',
    );
  }, 180_000);
});
