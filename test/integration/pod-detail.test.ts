/**
 * GET /api/pods/<namespace>/<name> against the devcluster: a real pod of a Deployment (its
 * containers, conditions, events and owner chain up to the Deployment), a Pending GPU pod (the
 * scheduler's message in full, its FailedScheduling warning first), a missing pod (404) and users
 * without the right to get pods there (403, for a missing pod too: a refusal says nothing of existence).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDeployment } from '../builders/manifests';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  eventually,
  kubectl,
  podManifest,
  signIn,
  type TestUser,
} from './helpers';
import type { PodDetailData } from '@/lib/queries/pods/pod-detail-query';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET } = await import('@/app/api/pods/[namespace]/[name]/route');
const users = new TestUsers();
const cookies = {} as Record<TestUser, string>;
let webPod = '';
const PENDING = 'gpu-wants-too-many';

const get = (u: TestUser, namespace: string, name: string) =>
  callRoute<PodDetailData>(GET, `/api/pods/${namespace}/${name}`, { cookie: cookies[u], params: { namespace, name } });

beforeAll(async () => {
  await users.create();
  const ns = users.teamB;
  await apply(webDeployment(ns));
  // No node has 64 GPUs: the scheduler says why, on the pod and in a FailedScheduling event.
  await apply(podManifest(PENDING, ns, { gpus: 64 }));
  webPod = await eventually(
    async () => (await kubectl(['get', 'pods', '-n', ns, '-l', 'app=web', '-o', 'name'])).trim().replace('pod/', ''),
    30_000,
    'the web pod',
  );
  for (const u of ['admin', 'viewer', 'nobody', 'teamViewer', 'teamEditor'] as const)
    cookies[u] = await signIn(await users.token(u));
}, 120_000);

afterAll(async () => {
  await users.remove();
});

describe('GET /api/pods/[namespace]/[name]', () => {
  it('answers a Deployment pod from the cache: containers, conditions, events, owners up to the Deployment', async () => {
    const a = await eventually(
      async () => {
        const r = await get('admin', users.teamB, webPod);
        const ready = r.status === 200 && r.body.pod.nodeName && (r.body.events ?? []).length > 0;
        return ready ? r : undefined;
      },
      60_000,
      'the web pod scheduled, with events, in the cache',
    );
    const { pod, row, owners, events } = a.body;
    expect(pod).toMatchObject({ namespace: users.teamB, name: webPod });
    expect(row.key).toBe(`${users.teamB}/${webPod}`);
    expect(pod.containers.map((c) => [c.name, c.role, c.image])).toEqual([
      ['main', 'container', 'registry.local/sleep:1'],
    ]);
    expect(pod.conditions.map((c) => c.type)).toContain('PodScheduled');
    expect(owners.map((o) => [o.kind, o.workload])).toEqual([
      ['ReplicaSet', null],
      ['Deployment', 'Deployment'],
    ]);
    expect(owners[1]!.name).toBe('web');
    expect(events!.some((e) => e.reason === 'Scheduled' && e.count >= 1)).toBe(true);
  });

  it("a Pending GPU pod: the scheduler's message in full, its warning first", async () => {
    const a = await eventually(
      async () => {
        const r = await get('admin', users.teamB, PENDING);
        return r.status === 200 && r.body.row.schedulingMessage && r.body.events?.length ? r : undefined;
      },
      60_000,
      'the pending pod with its scheduling message and event',
    );
    expect(a.body.pod.phase).toBe('Pending');
    expect(a.body.pod.nodeName).toBeNull();
    expect(a.body.row.schedulingMessage).toMatch(/Insufficient nvidia\.com\/gpu/);
    expect(a.body.pod.containers[0]!.gpuResources).toEqual(['nvidia.com/gpu']);
    expect(a.body.row.gpuUnits).toEqual({ 'nvidia.com/gpu': 64 });
    const first = a.body.events![0]!;
    expect(first).toMatchObject({ type: 'Warning', reason: 'FailedScheduling' });
    expect(first.message).toMatch(/Insufficient nvidia\.com\/gpu/);
    expect(a.body.owners).toEqual([]);
  });

  it('404 for a pod that does not exist, in a namespace that does and one that does not', async () => {
    for (const [ns, name] of [
      [users.teamB, 'no-such-pod'],
      ['it-no-such-namespace', 'web'],
    ] as const) {
      const a = await get('admin', ns, name);
      expect(a.status, JSON.stringify(a.body)).toBe(404);
      expect(a.body.error?.code).toBe('NOT_FOUND');
    }
  });

  it('403 for users who may not get pods there, whether or not the pod exists; 200 for those who may', async () => {
    for (const u of ['nobody', 'teamViewer'] as const)
      for (const name of [webPod, 'no-such-pod']) {
        const a = await get(u, users.teamB, name);
        expect(a.status, `${u} ${name}: ${JSON.stringify(a.body)}`).toBe(403);
        expect(a.body.error?.code).toBe('FORBIDDEN');
        expect(JSON.stringify(a.body)).not.toContain(webPod === name ? 'registry.local' : 'NOT_FOUND');
      }
    for (const u of ['viewer', 'teamEditor'] as const) {
      const a = await get(u, users.teamB, webPod);
      expect(a.status, `${u}: ${JSON.stringify(a.body)}`).toBe(200);
      expect(a.body.pod.containers).toHaveLength(1);
    }
  });

  it('refuses names no pod can have with a 400 naming the field', async () => {
    for (const [ns, name, field] of [
      ['Not_A_Ns', 'web', 'namespace'],
      [users.teamB, '../etc', 'name'],
      [users.teamB, 'x'.repeat(254), 'name'],
    ] as const) {
      const a = await get('admin', ns, name);
      expect(a.status, JSON.stringify(a.body)).toBe(400);
      expect(a.body.error?.field).toBe(field);
    }
  });
});
