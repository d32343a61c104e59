import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Pod } from '@/lib/kube-types';
import { gpuWorkerDaemonSet } from '../builders/manifests';
import {
  KUBECONFIG,
  TestUsers,
  apply,
  callRoute,
  createNamespace,
  eventually,
  kubectl,
  kubectlJson,
  signIn,
  uniqueName,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { PATCH: labelNode } = await import('@/app/api/nodes/[name]/labels/route');
const { POST: labelNodes } = await import('@/app/api/nodes/labels/route');
const { POST: preview } = await import('@/app/api/nodes/labels/preview/route');
const { GET: audit } = await import('@/app/api/audit/route');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');

const users = new TestUsers();
const NS = uniqueName('it-labels');
const GPU = 'gpu-node-3'; // the fixture GPU node without the accelerator label
const SCRATCH = 'cpu-node-1';
/** Label keys of this run only: other tests share the cluster's nodes. */
const KEY = `e2e.imagepod.io/${randomBytes(3).toString('hex')}`;
const cookies = { admin: '', viewer: '' };
let gpuAccelerator: string | undefined;

type NodeAnswer = { node: { name: string; resourceVersion: string; labels: Record<string, string> }; changed: boolean };
const getNode = (name: string) => kubectlJson<Node>(['get', 'node', name]);
const labelsOf = async (name: string) => (await getNode(name)).metadata.labels ?? {};
const rvOf = async (name: string) => (await getNode(name)).metadata.resourceVersion!;
const patchLabels = (cookie: string, name: string, body: unknown) =>
  callRoute<NodeAnswer>(labelNode, `/api/nodes/${name}/labels`, { method: 'PATCH', cookie, body, params: { name } });
const workerPods = async () =>
  (await kubectlJson<{ items: Pod[] }>(['get', 'pods', '-n', NS, '-l', 'app=gpu-worker'])).items;
const workerOn = async (node: string) =>
  (await workerPods()).find((p) => p.spec.nodeName === node && !p.metadata.deletionTimestamp);

describe('node labels on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined);
    await users.create();
    await createNamespace(NS);
    gpuAccelerator = (await labelsOf(GPU)).accelerator;
    await apply(gpuWorkerDaemonSet(NS));
    cookies.admin = await signIn(await users.token('admin'));
    cookies.viewer = await signIn(await users.token('viewer'));
    await eventually(() => getClusterCache().object('daemonsets', `${NS}/gpu-worker`), 30_000, 'daemonset cached');
  });
  afterAll(async () => {
    // Leave the shared nodes as they were.
    await kubectl([
      'label',
      'node',
      GPU,
      gpuAccelerator ? `accelerator=${gpuAccelerator}` : 'accelerator-',
      '--overwrite',
    ]).catch(() => undefined);
    await kubectl(['label', 'node', SCRATCH, `${KEY}-a-`, `${KEY}-b-`]).catch(() => undefined);
    await kubectl(['delete', 'namespace', NS, '--wait=false']);
    await users.remove();
  });

  it('labelling gpu-node-3 as a GPU worker node: the preview says the worker starts, kwok runs it; removing the label takes it away', async () => {
    await kubectl(['label', 'node', GPU, 'accelerator-']).catch(() => undefined);
    await eventually(async () => !(await workerOn(GPU)), 20_000, 'no worker on gpu-node-3');
    const set = [{ op: 'set', key: 'accelerator', value: 'nvidia-tesla-gpu' }];
    const pv = await eventually(
      async () => {
        const r = await callRoute<{
          nodes: {
            name: string;
            resourceVersion: string;
            placement: { daemonSet: { namespace: string; name: string }; change: string }[];
          }[];
        }>(preview, '/api/nodes/labels/preview', { cookie: cookies.admin, body: { nodes: [GPU], edits: set } });
        const n = r.body.nodes?.[0];
        return n && n.resourceVersion === (await rvOf(GPU)) ? n : null;
      },
      10_000,
      'preview at the current resourceVersion',
    );
    expect(pv.placement).toContainEqual({
      daemonSet: { namespace: NS, name: 'gpu-worker' },
      change: 'start',
      reasons: ['nodeSelector accelerator=nvidia-tesla-gpu does not match: the node has no accelerator label'],
    });
    expect((await labelsOf(GPU)).accelerator).toBeUndefined(); // a preview writes nothing

    const res = await patchLabels(cookies.admin, GPU, { edits: set, resourceVersion: pv.resourceVersion });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.node.labels.accelerator).toBe('nvidia-tesla-gpu');
    await eventually(
      async () => (await workerOn(GPU))?.status?.phase === 'Running',
      30_000,
      'worker running on gpu-node-3',
    );

    const drop = [{ op: 'remove', key: 'accelerator' }];
    const stop = await callRoute<{ nodes: { placement: { change: string }[] }[] }>(
      preview,
      '/api/nodes/labels/preview',
      { cookie: cookies.admin, body: { nodes: [GPU], edits: drop } },
    );
    await eventually(
      async () => {
        const r = await callRoute<{
          nodes: { resourceVersion: string; placement: { daemonSet: { name: string }; change: string }[] }[];
        }>(preview, '/api/nodes/labels/preview', { cookie: cookies.admin, body: { nodes: [GPU], edits: drop } });
        return r.body.nodes[0]!.placement.some((p) => p.daemonSet.name === 'gpu-worker' && p.change === 'stop');
      },
      10_000,
      'preview: worker stops',
    );
    expect(stop.status).toBe(200);
    const bulk = await callRoute<{ results: { name: string; status: string }[] }>(labelNodes, '/api/nodes/labels', {
      cookie: cookies.admin,
      body: { nodes: [{ name: GPU, resourceVersion: res.body.node.resourceVersion }], edits: drop },
    });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect(bulk.body.results).toMatchObject([{ name: GPU, status: 'updated' }]);
    await eventually(async () => !(await workerOn(GPU)), 30_000, 'worker gone from gpu-node-3');
  });

  it('two concurrent edits at the same resourceVersion: one lands, the other gets 409 with the current labels; a retry keeps both', async () => {
    const rv = await rvOf(SCRATCH);
    const [a, b] = await Promise.all([
      patchLabels(cookies.admin, SCRATCH, {
        edits: [{ op: 'set', key: `${KEY}-a`, value: 'one' }],
        resourceVersion: rv,
      }),
      patchLabels(cookies.admin, SCRATCH, {
        edits: [{ op: 'set', key: `${KEY}-b`, value: 'two' }],
        resourceVersion: rv,
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const lostBody = lost.body as unknown as {
      error: { message: string; field: string };
      current: { resourceVersion: string; labels: Record<string, string> };
    };
    expect(lostBody.error.message).toMatch(/changed by someone else .* Reload/);
    expect(lostBody.error.field).toBe('resourceVersion');
    expect(lostBody.current.resourceVersion).toBe(won.body.node.resourceVersion);
    expect(Object.keys(lostBody.current.labels)).toContain(a.status === 200 ? `${KEY}-a` : `${KEY}-b`);
    const lostKey = a.status === 200 ? `${KEY}-b` : `${KEY}-a`;
    const retry = await patchLabels(cookies.admin, SCRATCH, {
      edits: [{ op: 'set', key: lostKey, value: 'again' }],
      resourceVersion: lostBody.current.resourceVersion,
    });
    expect(retry.status).toBe(200);
    const labels = await labelsOf(SCRATCH);
    expect(labels[`${KEY}-a`]).toBeTruthy();
    expect(labels[`${KEY}-b`]).toBeTruthy();
  });

  describe('bad input: 4xx naming the field, nothing changes', () => {
    const set = (key: string, value = 'x') => [{ op: 'set', key, value }];
    it.each([
      ['key ../x', { edits: set('../x') }, 400, 'edits.0.key'],
      ['key a/b/c', { edits: set('a/b/c') }, 400, 'edits.0.key'],
      ['300-character value', { edits: set(`${KEY}-a`, 'v'.repeat(300)) }, 400, 'edits.0.value'],
      ['a key edited twice', { edits: [...set(`${KEY}-a`), { op: 'remove', key: `${KEY}-a` }] }, 400, 'edits.1.key'],
      ['no edits', { edits: [] }, 400, 'edits'],
      ['no resourceVersion', { edits: set(`${KEY}-a`), resourceVersion: undefined }, 400, 'resourceVersion'],
      ['an unknown op', { edits: [{ op: 'rename', key: 'a' }] }, 400, 'edits.0.op'],
    ])('%s', async (_, body, status, field) => {
      const before = await getNode(SCRATCH);
      const res = await patchLabels(cookies.admin, SCRATCH, {
        resourceVersion: before.metadata.resourceVersion,
        ...body,
      });
      expect(res.status).toBe(status);
      expect(res.body.error?.field).toBe(field);
      expect((await getNode(SCRATCH)).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    });

    it('unknown and malformed nodes', async () => {
      const edits = set(`${KEY}-a`);
      const missing = await patchLabels(cookies.admin, 'no-such-node', { edits, resourceVersion: '1' });
      expect([missing.status, missing.body.error?.field]).toEqual([404, 'name']);
      const bad = await patchLabels(cookies.admin, 'Not_A_Node', { edits, resourceVersion: '1' });
      expect([bad.status, bad.body.error?.field]).toEqual([400, 'name']);
      const bulk = await callRoute(labelNodes, '/api/nodes/labels', {
        cookie: cookies.admin,
        body: { nodes: [{ name: 'no-such-node', resourceVersion: '1' }], edits },
      });
      expect([bulk.status, bulk.body.error?.field]).toEqual([404, 'nodes.0.name']);
      const twice = await callRoute(labelNodes, '/api/nodes/labels', {
        cookie: cookies.admin,
        body: {
          nodes: [
            { name: SCRATCH, resourceVersion: '1' },
            { name: SCRATCH, resourceVersion: '1' },
          ],
          edits,
        },
      });
      expect([twice.status, twice.body.error?.field]).toEqual([400, 'nodes.1.name']);
      const pv = await callRoute(preview, '/api/nodes/labels/preview', {
        cookie: cookies.admin,
        body: { nodes: [SCRATCH, 'no-such-node'], edits },
      });
      expect([pv.status, pv.body.error?.field]).toEqual([404, 'nodes.1']);
    });
  });

  it('a viewer gets 403 from Kubernetes on label writes, and nothing changes', async () => {
    const before = await getNode(SCRATCH);
    const edits = [{ op: 'set', key: `${KEY}-a`, value: 'viewer' }];
    const one = await patchLabels(cookies.viewer, SCRATCH, { edits, resourceVersion: before.metadata.resourceVersion });
    expect(one.status).toBe(403);
    expect(one.body.error?.message).toContain(users.username('viewer'));
    const bulk = await callRoute(labelNodes, '/api/nodes/labels', {
      cookie: cookies.viewer,
      body: { nodes: [{ name: SCRATCH, resourceVersion: before.metadata.resourceVersion }], edits },
    });
    expect(bulk.status).toBe(403);
    expect((await getNode(SCRATCH)).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
  });

  it('every label write is in the audit trail, with its result', async () => {
    const rows = async () =>
      (
        await callRoute<{
          items: { user: string; result: string; target: { name: string } | null; details?: { edits?: string } }[];
        }>(audit, '/api/audit?action=label', { cookie: cookies.admin })
      ).body.items;
    await eventually(
      async () => {
        const r = await rows();
        const mine = (u: string, result: string) => r.some((i) => i.user === users.username(u) && i.result === result);
        return (
          mine('admin', 'success') &&
          mine('admin', 'failure') &&
          mine('viewer', 'denied') &&
          r.some((i) => i.target?.name === GPU && i.details?.edits === 'accelerator=nvidia-tesla-gpu')
        );
      },
      15_000,
      'label audit rows',
    );
  });
});
