import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Pod } from '@/lib/kube-types';
import layout from '../../devcluster/fixtures/gpu-layout.json';
import { KUBECONFIG, REPO, apply, createNamespace, eventually, kubectl, kubectlJson, uniqueName } from './helpers';

/**
 * The devcluster's GPU fixture nodes (devcluster/fixtures/gpu-layout.json) against the REAL
 * scheduler: MIG and shared extended resources place pods on the right node, DRA claims are
 * allocated from the applied ResourceSlices (no driver process) and kwok runs their pods, and the
 * metrics simulator reports each of them where the scheduler put it.
 */
const NS = uniqueName('it-gpufix');
const TOLERATE = [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }];

interface Claim {
  metadata: { name: string; namespace: string };
  status?: {
    allocation?: { devices: { results: { request: string; driver: string; pool: string; device: string }[] } };
    reservedFor?: { resource: string; name: string; uid: string }[];
  };
}
interface Slice {
  spec: {
    nodeName: string;
    pool: { name: string };
    devices: { name: string; attributes: Record<string, { string?: string }> }[];
  };
}

function pod(
  name: string,
  opts: {
    resources?: Record<string, string>;
    claims?: { name: string; resourceClaimTemplateName?: string; resourceClaimName?: string }[];
  },
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS },
    spec: {
      tolerations: TOLERATE,
      ...(opts.claims ? { resourceClaims: opts.claims } : {}),
      containers: [
        {
          name: 'main',
          image: 'registry.local/cuda:12',
          resources: {
            ...(opts.resources ? { requests: opts.resources, limits: opts.resources } : {}),
            ...(opts.claims ? { claims: opts.claims.map((c) => ({ name: c.name })) } : {}),
          },
        },
      ],
    },
  };
}
const exactly = (deviceClassName: string, count: number, cel?: string) => ({
  devices: {
    requests: [
      {
        name: 'gpu',
        exactly: { deviceClassName, count, ...(cel ? { selectors: [{ cel: { expression: cel } }] } : {}) },
      },
    ],
  },
});
const template = (name: string, spec: object) => ({
  apiVersion: 'resource.k8s.io/v1',
  kind: 'ResourceClaimTemplate',
  metadata: { name, namespace: NS },
  spec: { spec },
});
const getPod = (name: string) => kubectlJson<Pod>(['get', 'pod', '-n', NS, name]);
const getClaim = (name: string) => kubectlJson<Claim>(['get', 'resourceclaims.v1.resource.k8s.io', '-n', NS, name]);
const running = (name: string) =>
  eventually(
    async () => {
      const p = await getPod(name);
      return p.status?.phase === 'Running' ? p : null;
    },
    30_000,
    `${name} Running`,
  );

/** The metrics simulator on a port of its own, reading this cluster, so the test needs no shared one. */
let sim: ChildProcess | null = null;
let simUrl = '';
async function startSim() {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  sim = spawn(
    process.execPath,
    [path.join(REPO, 'devcluster/metrics/sim.mjs'), String(port), path.join(REPO, 'devcluster/kubectl.sh'), KUBECONFIG],
    { stdio: 'ignore' },
  );
  simUrl = `http://127.0.0.1:${port}/metrics/dcgm`;
}
/** Lines of the simulator's DCGM answer for one metric whose labels include all of `want`. */
async function dcgmLines(metric: string, want: Record<string, string>): Promise<string[]> {
  const text = await fetch(simUrl).then(
    (r) => r.text(),
    () => '',
  );
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${metric}{`) && Object.entries(want).every(([k, v]) => l.includes(`${k}="${v}"`)));
}

describe('GPU fixture nodes on the devcluster', () => {
  beforeAll(async () => {
    await createNamespace(NS);
    await startSim();
  });
  afterAll(async () => {
    sim?.kill();
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
  });

  it('every fixture node is Ready, tainted, without the GPU worker label, DRA nodes with one ResourceSlice of their own', async () => {
    const nodes = await kubectlJson<{ items: Node[] }>(['get', 'nodes']);
    const slices = await kubectlJson<{ items: Slice[] }>(['get', 'resourceslices.v1.resource.k8s.io']);
    for (const want of layout.nodes) {
      const n = nodes.items.find((x) => x.metadata.name === want.name);
      expect(n, want.name).toBeDefined();
      expect(n!.status?.conditions?.find((c) => c.type === 'Ready')?.status, want.name).toBe('True');
      expect(n!.spec?.taints).toContainEqual({ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' });
      expect(n!.metadata.labels?.accelerator, want.name).toBeUndefined();
      const mine = slices.items.filter((s) => s.spec.nodeName === want.name);
      expect(mine.length, want.name).toBe('dra' in want ? 1 : 0);
      if ('dra' in want)
        expect(Object.keys(n!.status?.capacity ?? {}).filter((k) => k.startsWith('nvidia.com/'))).toEqual([]);
    }
  });

  it('a pod asking for nvidia.com/mig-1g.10gb lands on the MIG node; the simulator reports its instance', async () => {
    await apply(pod('mig', { resources: { 'nvidia.com/mig-1g.10gb': '1' } }));
    const p = await running('mig');
    expect(p.spec.nodeName).toBe('gpu-mig-mixed');
    const lines = await eventually(
      () =>
        dcgmLines('DCGM_FI_PROF_GR_ENGINE_ACTIVE', {
          Hostname: 'gpu-mig-mixed',
          GPU_I_PROFILE: '1g.10gb',
          pod: 'mig',
          namespace: NS,
        }).then((l) => (l.length ? l : null)),
      20_000,
      'MIG series of the pod',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/GPU_I_ID="\d+"/);
    // MIG instances have no DCGM_FI_DEV_GPU_UTIL, as on real GPUs.
    expect(await dcgmLines('DCGM_FI_DEV_GPU_UTIL', { Hostname: 'gpu-mig-mixed', GPU_I_PROFILE: '1g.10gb' })).toEqual(
      [],
    );
  });

  it('a pod asking for nvidia.com/gpu.shared lands on the renamed time-slicing node and holds one share', async () => {
    await apply(pod('shared', { resources: { 'nvidia.com/gpu.shared': '1' } }));
    const p = await running('shared');
    expect(p.spec.nodeName).toBe('gpu-shared');
    const lines = await eventually(
      () =>
        dcgmLines('DCGM_FI_DEV_GPU_UTIL', { Hostname: 'gpu-shared', pod: 'shared', namespace: NS }).then((l) =>
          l.length ? l : null,
        ),
      20_000,
      'shared-GPU series of the pod',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/vgpu="\d+"/);
  });

  it('a claim template for one gpu.nvidia.com device: the scheduler allocates a device of a DRA node, kwok runs the pod', async () => {
    await apply(template('one-gpu', exactly('gpu.nvidia.com', 1)));
    await apply(pod('dra', { claims: [{ name: 'gpu', resourceClaimTemplateName: 'one-gpu' }] }));
    const p = await running('dra');
    expect(['gpu-dra-1', 'gpu-dra-2']).toContain(p.spec.nodeName);
    // The claim generated for the pod is named in the pod's status (by the controller-manager).
    const status = (p.status as { resourceClaimStatuses?: { name: string; resourceClaimName: string }[] })
      .resourceClaimStatuses;
    expect(status).toHaveLength(1);
    expect(status![0]!.name).toBe('gpu');
    const claim = await getClaim(status![0]!.resourceClaimName);
    const results = claim.status?.allocation?.devices.results ?? [];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ request: 'gpu', driver: 'gpu.nvidia.com', pool: p.spec.nodeName });
    expect(results[0]!.device).toMatch(/^gpu-\d+$/);
    expect(claim.status?.reservedFor).toEqual([{ resource: 'pods', name: 'dra', uid: p.metadata.uid }]);
    // The simulator reports the allocated device (by its UUID in the ResourceSlice) as held by the pod.
    const slices = await kubectlJson<{ items: Slice[] }>(['get', 'resourceslices.v1.resource.k8s.io']);
    const device = slices.items
      .find((s) => s.spec.pool.name === results[0]!.pool)!
      .spec.devices.find((d) => d.name === results[0]!.device)!;
    await eventually(
      () =>
        dcgmLines('DCGM_FI_DEV_GPU_UTIL', { UUID: device.attributes.uuid!.string!, pod: 'dra', namespace: NS }).then(
          (l) => l.length === 1,
        ),
      20_000,
      'DRA GPU series of the pod',
    );

    // Deleting the pod: kwok lets it go, the controller-manager deletes the generated claim.
    await kubectl(['delete', 'pod', '-n', NS, 'dra', '--wait=true', '--timeout=30s']);
    await eventually(
      async () =>
        !(await kubectl(['get', 'resourceclaims.v1.resource.k8s.io', '-n', NS, '-o', 'name'])).includes(
          status![0]!.resourceClaimName,
        ),
      30_000,
      'generated claim deleted',
    );
  });

  it('a standalone claim for a MIG profile of mig.nvidia.com: allocated on the DRA MIG GPU, released when its pod goes', async () => {
    await apply({
      apiVersion: 'resource.k8s.io/v1',
      kind: 'ResourceClaim',
      metadata: { name: 'slice', namespace: NS },
      spec: exactly('mig.nvidia.com', 1, "device.attributes['gpu.nvidia.com'].profile == '1g.10gb'"),
    });
    await apply(pod('dra-mig', { claims: [{ name: 'gpu', resourceClaimName: 'slice' }] }));
    const p = await running('dra-mig');
    expect(p.spec.nodeName).toBe('gpu-dra-2');
    const claim = await getClaim('slice');
    expect(claim.status?.allocation?.devices.results).toEqual([
      { request: 'gpu', driver: 'gpu.nvidia.com', pool: 'gpu-dra-2', device: 'gpu-1-mig-19-6-1' },
    ]);
    expect(claim.status?.reservedFor?.map((r) => r.uid)).toEqual([p.metadata.uid]);
    await eventually(
      () =>
        dcgmLines('DCGM_FI_PROF_GR_ENGINE_ACTIVE', {
          Hostname: 'gpu-dra-2',
          GPU_I_PROFILE: '1g.10gb',
          pod: 'dra-mig',
        }).then((l) => l.length === 1),
      20_000,
      'DRA MIG series of the pod',
    );

    // The claim outlives its pod, unreserved and deallocated (no driver needed to unprepare).
    await kubectl(['delete', 'pod', '-n', NS, 'dra-mig', '--wait=true', '--timeout=30s']);
    const after = await eventually(
      async () => {
        const c = await getClaim('slice');
        return !c.status?.reservedFor?.length && !c.status?.allocation ? c : null;
      },
      30_000,
      'claim released',
    );
    expect(after.metadata.name).toBe('slice');
  });

  it('a claim for more devices than any node has stays unallocated; its pod Pending with the scheduler’s reason', async () => {
    await apply(template('five-gpus', exactly('gpu.nvidia.com', 5)));
    await apply(pod('too-many', { claims: [{ name: 'gpu', resourceClaimTemplateName: 'five-gpus' }] }));
    const cond = await eventually(
      async () => {
        const p = await getPod('too-many');
        return (
          p.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False' && c.message) ?? null
        );
      },
      30_000,
      'PodScheduled=False with a message',
    );
    expect(cond.reason).toBe('Unschedulable');
    expect(cond.message).toMatch(/cannot allocate all claims/);
    const p = await getPod('too-many');
    expect(p.status?.phase).toBe('Pending');
    expect(p.spec.nodeName).toBeFalsy();
    const name = (p.status as { resourceClaimStatuses?: { resourceClaimName: string }[] }).resourceClaimStatuses?.[0]
      ?.resourceClaimName;
    expect(name).toBeTruthy();
    expect((await getClaim(name!)).status?.allocation).toBeUndefined();
  });
});
