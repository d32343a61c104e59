/**
 * Drain on the devcluster, on nodes of its own (test/builders/drain-fixture.ts): the real
 * scheduler spreads `web` over both nodes, the real disruption controller keeps PDB `web`'s
 * status, the API server's Eviction subresource refuses the guarded pod with a 429.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Node, Pod } from '@/lib/kube-types';
import type { DrainPreview } from '@/lib/drain/preview';
import type { EvictionResult } from '@/lib/drain/outcome';
import { drainScene } from '../builders/drain-fixture';
import { KUBECONFIG, TestUsers, apply, callRoute, eventually, kubectl, kubectlJson, signIn } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;

const { GET: preview, POST: drain } = await import('@/app/api/nodes/[name]/drain/route');
const { GET: audit } = await import('@/app/api/audit/route');

const scene = drainScene(randomBytes(3).toString('hex'));
const users = new TestUsers();
const cookies = { admin: '', viewer: '', teamEditor: '' };
type DrainAnswer = { node: { unschedulable: boolean }; cordoned: boolean; results: EvictionResult[] };

const podsOn = async (node: string) =>
  (
    await kubectlJson<{ items: Pod[] }>([
      'get',
      'pods',
      '-n',
      scene.namespace,
      '--field-selector',
      `spec.nodeName=${node}`,
    ])
  ).items;
const byApp = (pods: Pod[], app: string) =>
  pods.filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp);
const ready = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
const getPreview = (cookie: string, name = scene.node) =>
  callRoute<{ preview: DrainPreview }>(preview, `/api/nodes/${name}/drain`, { cookie, params: { name } });
const send = (cookie: string, body: unknown, name = scene.node) =>
  callRoute<DrainAnswer>(drain, `/api/nodes/${name}/drain`, { cookie, body, params: { name } });
const ref = (p: { metadata: { namespace?: string; name: string; uid: string } }) => ({
  namespace: p.metadata.namespace!,
  name: p.metadata.name,
  uid: p.metadata.uid,
});
const noConsent = { evictLocalStorage: false, evictUnmanaged: false };

describe('drain a node on the devcluster', () => {
  beforeAll(async () => {
    await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined);
    await users.create();
    cookies.admin = await signIn(await users.token('admin'));
    cookies.viewer = await signIn(await users.token('viewer'));
    cookies.teamEditor = await signIn(await users.token('teamEditor'));
    for (const m of scene.manifests) await apply(m);
    // Every pod Ready where it belongs, and the budget's status written by the disruption controller.
    await eventually(
      async () => {
        const [a, b] = [await podsOn(scene.node), await podsOn(scene.spare)];
        const want = [
          ...byApp(a, 'web'),
          ...byApp(b, 'web'),
          ...byApp(a, 'solo'),
          ...byApp(a, 'scratch'),
          ...byApp(a, 'agent'),
          ...byApp(b, 'agent'),
        ];
        return want.length === 6 && want.every(ready);
      },
      60_000,
      'the scene running on its two nodes',
    );
    await eventually(
      async () =>
        (await kubectlJson<{ status?: { currentHealthy?: number } }>(['get', 'pdb', 'web', '-n', scene.namespace]))
          .status?.currentHealthy === 2,
      30_000,
      'PDB web sees 2 healthy pods',
    );
  }, 120_000);
  afterAll(async () => {
    await kubectl(['delete', 'namespace', scene.namespace, '--wait=false']).catch(() => undefined);
    await kubectl(['delete', 'node', scene.node, scene.spare, '--ignore-not-found']).catch(() => undefined);
    await users.remove();
  });

  it('previews each pod: evicted, left (DaemonSet), asked (emptyDir), the budget, where it could go', async () => {
    const a = await getPreview(cookies.admin);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const p = a.body.preview;
    const mine = p.pods.filter((x) => x.namespace === scene.namespace);
    const of = (app: string) => mine.find((x) => x.name.startsWith(`${app}-`))!;
    expect(mine).toHaveLength(4);
    expect(of('agent').decision).toEqual({ action: 'skip', reason: 'daemonset' });
    expect(of('scratch').decision).toEqual({ action: 'consent', reasons: ['local-storage'] });
    expect(of('scratch').localStorage).toEqual(['cache']);
    expect(of('solo').decision).toEqual({ action: 'evict' });
    expect(of('web').pdbs).toEqual([{ name: 'web', disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 }]);
    // web may go to the spare node (the taint is tolerated, nodeSelector matches); solo is pinned to this one.
    expect(of('web').candidates).toEqual([scene.spare]);
    expect(of('solo').candidateCount).toBe(0);
    expect(
      of('solo')
        .noFit.find((n) => n.node === scene.spare)
        ?.reasons.join(' '),
    ).toMatch(/nodeSelector kubernetes.io\/hostname/);
    // Nothing changed by the preview.
    expect((await kubectlJson<Node>(['get', 'node', scene.node])).spec?.unschedulable).toBeFalsy();
  });

  it('a user who may not patch nodes is refused (403) before any eviction; nothing changes', async () => {
    const pods = (await podsOn(scene.node)).map(ref);
    for (const who of ['viewer', 'teamEditor'] as const) {
      const a = await send(cookies[who], { pods, ...noConsent });
      expect(a.status, `${who} ${JSON.stringify(a.body)}`).toBe(403);
      expect(a.body.error?.code).toBe('FORBIDDEN');
    }
    expect((await kubectlJson<Node>(['get', 'node', scene.node])).spec?.unschedulable).toBeFalsy();
    expect((await podsOn(scene.node)).map((p) => p.metadata.uid).sort()).toEqual(pods.map((p) => p.uid).sort());
  });

  it('hostile input is a 4xx and changes nothing', async () => {
    const pod = ref((await podsOn(scene.node))[0]!);
    const bad: [unknown, number][] = [
      [{ pods: [pod] }, 400],
      [{ pods: [], ...noConsent }, 400],
      [{ pods: Array.from({ length: 51 }, () => pod), ...noConsent }, 400],
      [{ pods: [{ ...pod, uid: '../x' }], ...noConsent }, 400],
      [{ pods: [{ ...pod, namespace: '../kube-system' }], ...noConsent }, 400],
      [{ pods: [{ ...pod, name: 'a/b' }], ...noConsent }, 400],
      [{ pods: [pod], evictLocalStorage: 'yes', evictUnmanaged: false }, 400],
      [{ pods: [pod], ...noConsent, force: true }, 400],
    ];
    for (const [body, status] of bad) {
      const a = await send(cookies.admin, body);
      expect(a.status, JSON.stringify(body).slice(0, 200)).toBe(status);
    }
    const missing = await send(cookies.admin, { pods: [pod], ...noConsent }, 'no-such-node-drain');
    expect(missing.status).toBe(404);
    const hostileName = await getPreview(cookies.admin, 'a..b/../x');
    expect(hostileName.status).toBe(400);
    expect((await kubectlJson<Node>(['get', 'node', scene.node])).spec?.unschedulable).toBeFalsy();
  });

  it('cordons, evicts, leaves the DaemonSet pod, reports the PDB block, and a retry succeeds once the budget allows', async () => {
    const onNode = await podsOn(scene.node);
    const webSpare = byApp(await podsOn(scene.spare), 'web')[0]!;
    const web = byApp(onNode, 'web')[0]!;
    const solo = byApp(onNode, 'solo')[0]!;
    const scratch = byApp(onNode, 'scratch')[0]!;
    const agent = byApp(onNode, 'agent')[0]!;
    // The spare node's web pod is named with the drained node: it is not evicted through this route.
    const a = await send(cookies.admin, { pods: [web, solo, scratch, agent, webSpare].map(ref), ...noConsent });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.cordoned).toBe(true);
    expect(a.body.node.unschedulable).toBe(true);
    const state = Object.fromEntries(a.body.results.map((r) => [r.name, r]));
    expect(state[solo.metadata.name]!.state).toBe('evicted');
    expect(state[web.metadata.name]).toMatchObject({ state: 'blocked', pdb: 'web' });
    expect(state[web.metadata.name]!.message).toMatch(/disruption budget/);
    expect(state[scratch.metadata.name]).toMatchObject({ state: 'skipped' });
    expect(state[scratch.metadata.name]!.message).toMatch(/emptyDir/);
    expect(state[agent.metadata.name]).toMatchObject({ state: 'skipped' });
    expect(state[webSpare.metadata.name]).toMatchObject({ state: 'gone' });
    expect(state[webSpare.metadata.name]!.message).toMatch(new RegExp(`on node ${scene.spare}`));
    // solo left the node; the others are still there.
    await eventually(
      async () => !(await podsOn(scene.node)).some((p) => p.metadata.uid === solo.metadata.uid),
      30_000,
      'solo gone',
    );
    const left = (await podsOn(scene.node)).map((p) => p.metadata.uid);
    for (const p of [web, scratch, agent]) expect(left).toContain(p.metadata.uid);
    expect((await podsOn(scene.spare)).map((p) => p.metadata.uid)).toContain(webSpare.metadata.uid);

    // With consent, the emptyDir pod goes; the budget still blocks web (a second call does not cordon again).
    const b = await send(cookies.admin, {
      pods: [web, scratch].map(ref),
      evictLocalStorage: true,
      evictUnmanaged: false,
    });
    expect(b.body.cordoned).toBe(false);
    expect(b.body.results.map((r) => r.state)).toEqual(['blocked', 'evicted']);

    // Retry once the budget allows one disruption.
    await kubectl(['patch', 'pdb', 'web', '-n', scene.namespace, '--type=merge', '-p', '{"spec":{"minAvailable":1}}']);
    const retried = await eventually(
      async () => {
        const r = await send(cookies.admin, { pods: [ref(web)], ...noConsent });
        return r.body.results?.[0]?.state === 'evicted' ? r : null;
      },
      30_000,
      'the retry to be let through',
    );
    expect(retried.status).toBe(200);
    // Every eviction and the cordon are in the audit trail, as the admin.
    const admin = users.username('admin');
    const rows = await eventually(
      async () => {
        const r = await callRoute<{
          items: { action: string; user: string; result: string; target: { name: string } | null }[];
        }>(audit, `/api/audit?action=evict`, { cookie: cookies.admin });
        const mine = r.body.items?.filter((x) => x.user === admin) ?? [];
        return mine.length >= 5 ? mine : null;
      },
      15_000,
      'audit rows',
    );
    const results = rows.map((r) => `${r.target?.name}:${r.result}`);
    expect(results).toContain(`${solo.metadata.name}:success`);
    expect(results).toContain(`${web.metadata.name}:failure`);
    expect(results).toContain(`${web.metadata.name}:success`);
  }, 120_000);
});
