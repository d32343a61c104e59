import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Taint } from '@/lib/kube-types';
import { KUBECONFIG, TestUsers, callRoute, eventually, kubectl, kubectlJson, signIn } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { PATCH: taints } = await import('@/app/api/nodes/[name]/taints/route');
const { POST: cordon } = await import('@/app/api/nodes/[name]/cordon/route');
const { GET: audit } = await import('@/app/api/audit/route');

const users = new TestUsers();
/** Other tests schedule onto the shared nodes: PreferNoSchedule taints block nobody, and cordons last a moment. */
const NODE = 'cpu-node-2';
const KEY = `e2e.imagepod.io/${randomBytes(3).toString('hex')}`;
const cookies = { admin: '', viewer: '' };
let original: Taint[] = [];

const getNode = () => kubectlJson<Node>(['get', 'node', NODE]);
const setTaints = (cookie: string, body: unknown, name = NODE) =>
  callRoute<{ node: { resourceVersion: string; taints: Taint[] }; changed: boolean }>(
    taints,
    `/api/nodes/${name}/taints`,
    { method: 'PATCH', cookie, body, params: { name } },
  );
const setCordon = (cookie: string, unschedulable: unknown, name = NODE) =>
  callRoute<{ node: { unschedulable: boolean } }>(cordon, `/api/nodes/${name}/cordon`, {
    cookie,
    body: { unschedulable },
    params: { name },
  });
const mine = (t: Taint[] | undefined) => (t ?? []).filter((x) => x.key.startsWith(KEY));

describe('node taints and cordon on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined);
    await users.create();
    cookies.admin = await signIn(await users.token('admin'));
    cookies.viewer = await signIn(await users.token('viewer'));
    original = (await getNode()).spec?.taints ?? [];
  });
  afterAll(async () => {
    await kubectl(['uncordon', NODE]).catch(() => undefined);
    await kubectl(['taint', 'node', NODE, `${KEY}-`, `${KEY}-b-`]).catch(() => undefined);
    await users.remove();
  });

  it('adds and removes taints at a resourceVersion; taints that stay keep their timeAdded', async () => {
    // A taint stamped by someone else (kubectl stamps NoExecute ones; NoExecute would evict others' pods here).
    const stamp = '2026-01-01T00:00:00Z';
    await kubectl([
      'patch',
      'node',
      NODE,
      '--type=merge',
      '-p',
      JSON.stringify({
        spec: { taints: [...original, { key: `${KEY}-b`, effect: 'PreferNoSchedule', timeAdded: stamp }] },
      }),
    ]);
    const n = await getNode();
    const plain = (t: Taint[]) => t.map(({ key, value, effect }) => ({ key, value, effect }));
    const added = await setTaints(cookies.admin, {
      taints: [...plain(n.spec!.taints!), { key: KEY, value: 'gpu', effect: 'PreferNoSchedule' }],
      resourceVersion: n.metadata.resourceVersion,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const after = await getNode();
    expect(mine(after.spec?.taints).map((t) => [t.key, t.value, t.effect, t.timeAdded])).toEqual([
      [`${KEY}-b`, undefined, 'PreferNoSchedule', stamp],
      [KEY, 'gpu', 'PreferNoSchedule', undefined],
    ]);

    const removed = await setTaints(cookies.admin, {
      taints: plain(after.spec!.taints!.filter((t) => t.key !== KEY)),
      resourceVersion: after.metadata.resourceVersion,
    });
    expect(removed.status).toBe(200);
    const now = await getNode();
    expect(mine(now.spec?.taints).map((t) => [t.key, t.timeAdded])).toEqual([[`${KEY}-b`, stamp]]);

    // An old resourceVersion: 409 with the current taints; nothing changes.
    const stale = await setTaints(cookies.admin, { taints: [], resourceVersion: n.metadata.resourceVersion });
    expect(stale.status).toBe(409);
    expect(mine((stale.body as unknown as { current: { taints: Taint[] } }).current.taints)).toHaveLength(1);
    expect((await getNode()).metadata.resourceVersion).toBe(now.metadata.resourceVersion);
    await setTaints(cookies.admin, { taints: plain(original), resourceVersion: now.metadata.resourceVersion });
    expect(mine((await getNode()).spec?.taints)).toEqual([]);
  });

  it('cordons and uncordons', async () => {
    try {
      expect((await setCordon(cookies.admin, true)).body.node?.unschedulable).toBe(true);
      expect((await getNode()).spec?.unschedulable).toBe(true);
    } finally {
      expect((await setCordon(cookies.admin, false)).body.node?.unschedulable).toBe(false);
    }
    expect((await getNode()).spec?.unschedulable).toBeFalsy();
  });

  describe('bad input: 4xx naming the field, nothing changes', () => {
    it.each([
      ['an unknown effect', [{ key: KEY, effect: 'Sometimes' }], 'taints.0.effect'],
      ['key ../x', [{ key: '../x', effect: 'NoSchedule' }], 'taints.0.key'],
      ['a 300-character value', [{ key: KEY, value: 'v'.repeat(300), effect: 'NoSchedule' }], 'taints.0.value'],
      [
        'the same key and effect twice',
        [
          { key: KEY, effect: 'NoSchedule' },
          { key: KEY, value: 'x', effect: 'NoSchedule' },
        ],
        'taints.1',
      ],
      [
        'timeAdded from the client',
        [{ key: KEY, effect: 'NoSchedule', timeAdded: '2020-01-01T00:00:00Z' }],
        'taints.0',
      ],
    ])('%s', async (_, list, field) => {
      const before = await getNode();
      const res = await setTaints(cookies.admin, { taints: list, resourceVersion: before.metadata.resourceVersion });
      expect(res.status).toBe(400);
      expect(res.body.error?.field).toBe(field);
      expect((await getNode()).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    });

    it('unknown node, a malformed cordon', async () => {
      const missing = await setTaints(cookies.admin, { taints: [], resourceVersion: '1' }, 'no-such-node');
      expect([missing.status, missing.body.error?.field]).toEqual([404, 'name']);
      const gone = await setCordon(cookies.admin, true, 'no-such-node');
      expect([gone.status, gone.body.error?.field]).toEqual([404, 'name']);
      const bad = await setCordon(cookies.admin, 'yes');
      expect([bad.status, bad.body.error?.field]).toEqual([400, 'unschedulable']);
    });
  });

  it('a viewer gets 403 from Kubernetes on taints and cordon; nothing changes; all of it is audited', async () => {
    const before = await getNode();
    const t = await setTaints(cookies.viewer, {
      taints: [{ key: KEY, effect: 'PreferNoSchedule' }],
      resourceVersion: before.metadata.resourceVersion,
    });
    expect(t.status).toBe(403);
    const c = await setCordon(cookies.viewer, true);
    expect(c.status).toBe(403);
    expect(c.body.error?.message).toContain(users.username('viewer'));
    expect((await getNode()).metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    const rows = async (action: string) =>
      (
        await callRoute<{ items: { user: string; result: string; target: { name: string } | null }[] }>(
          audit,
          `/api/audit?action=${action}`,
          { cookie: cookies.admin },
        )
      ).body.items.filter((i) => i.target?.name === NODE);
    await eventually(
      async () => {
        const taint = await rows('taint');
        const cordons = await rows('cordon');
        const uncordons = await rows('uncordon');
        return (
          taint.some((r) => r.result === 'success') &&
          taint.some((r) => r.result === 'denied' && r.user === users.username('viewer')) &&
          cordons.some((r) => r.result === 'success' && r.user === users.username('admin')) &&
          cordons.some((r) => r.result === 'denied') &&
          uncordons.some((r) => r.result === 'success')
        );
      },
      15_000,
      'taint/cordon audit rows',
    );
  });
});
