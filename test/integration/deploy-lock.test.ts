/**
 * The deploy lock and run record in the cluster, with two runners in one process standing for two
 * replicas (the same code as two servers; test/replicas/ runs real servers). Exactly one of two
 * simultaneous deploys runs; a runner whose run another replica took over stops at its next write
 * and leaves the end of the run, and its audit row, to the one that took it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECONFIG, TestUsers, clearStack, eventually, kubectl, kubectlJson } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;
process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S = '180';

const { DeployRunner } = await import('@/lib/server/deploy/runner');
const { readRunRecord, RUN_NAME } = await import('@/lib/server/deploy/run-record');
const { tokenKubeConfig } = await import('@/lib/server/auth/identity');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { DEFAULT_SETTINGS } = await import('@/lib/deploy/settings');
const { gate } = await import('@/lib/server/deploy/gates');
type Run = NonNullable<ReturnType<InstanceType<typeof DeployRunner>['current']>>;

const NS = 'imagepod';
const users = new TestUsers();

const finished = (runner: InstanceType<typeof DeployRunner>, id: string, what: string) =>
  eventually(
    () => {
      const r = runner.current();
      return r && r.id === id && r.state !== 'running' ? r : null;
    },
    240_000,
    what,
  );

async function actor(name: 'admin' | 'viewer') {
  return {
    user: { username: users.username(name), groups: ['system:authenticated'] },
    session: { sid: `lock-${name}` },
    kube: tokenKubeConfig(await users.token(name)),
  };
}

describe('the deploy lock across replicas', () => {
  beforeAll(async () => {
    getClusterCache();
    await kubectl(['create', 'namespace', NS]).catch(() => undefined);
    await clearStack();
    await users.create();
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
  }, 300_000);
  afterAll(async () => {
    await users.remove();
    await clearStack();
  }, 300_000);

  it('two replicas starting a deploy at the same instant: exactly one runs, the other is a 409 naming who holds it', async () => {
    const a = new DeployRunner();
    const b = new DeployRunner();
    const who = await actor('admin');
    const tries = await Promise.allSettled([
      a.deploy(who, DEFAULT_SETTINGS, { takeOwnership: [], keepLiveReplicas: [] }),
      b.deploy(who, DEFAULT_SETTINGS, { takeOwnership: [], keepLiveReplicas: [] }),
    ]);
    const won = tries.filter((t) => t.status === 'fulfilled');
    const lost = tries.filter((t): t is PromiseRejectedResult => t.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as { httpStatus: number }).httpStatus).toBe(409);
    expect(String((lost[0]!.reason as Error).message)).toContain(users.username('admin'));
    const runner = tries[0]!.status === 'fulfilled' ? a : b;
    const run = (won[0] as PromiseFulfilledResult<Run>).value;
    // Whichever replica a browser reaches shows the same run.
    const other = runner === a ? b : a;
    expect((await other.seen(who.kube))?.id).toBe(run.id);
    // And while it runs, the other replica refuses a deploy too (it reads the record).
    await expect(
      other.deploy(who, DEFAULT_SETTINGS, { takeOwnership: [], keepLiveReplicas: [] }),
    ).rejects.toMatchObject({ httpStatus: 409 });
    const end = await finished(runner, run.id, 'the deploy finished');
    expect(end.state).toBe('succeeded');
    const rec = await readRunRecord(who.kube);
    expect(rec?.run?.id).toBe(run.id);
    expect(rec?.run?.state).toBe('succeeded');
    // A finished run holds no lock: the other replica may deploy now.
    const next = await other.deploy(who, DEFAULT_SETTINGS, { takeOwnership: [], keepLiveReplicas: [] });
    expect((await finished(other, next.id, 'the second deploy finished')).state).toBe('succeeded');
  }, 300_000);

  it('a replica whose run was taken over stops at its next write; the one that resumed it finishes and records it once', async () => {
    process.env.IMAGEPOD_DEPLOY_LEASE_S = '3';
    try {
      const a = new DeployRunner();
      const b = new DeployRunner();
      const who = await actor('admin');
      await kubectl(['delete', 'deployment', 'imagepod-api', '-n', NS, '--wait=true']);
      const run = await a.deploy(
        who,
        { ...DEFAULT_SETTINGS, apiReplicas: 2 },
        { takeOwnership: [], keepLiveReplicas: [] },
      );
      // Replica A "stalls": the record's heartbeat is made a lease old behind its back.
      const rec = await readRunRecord(who.kube);
      const stale = { ...rec!.run, heartbeatAt: new Date(Date.now() - 60_000).toISOString() };
      await kubectl([
        'patch',
        'configmap',
        RUN_NAME,
        '-n',
        NS,
        '--type=merge',
        '-p',
        JSON.stringify({ data: { 'run.json': JSON.stringify(stale) } }),
      ]);
      expect((await b.seen(who.kube))?.state).toBe('interrupted');
      const taken = await b.resume(who, run.id);
      expect(taken.resumes).toHaveLength(1);
      const lostEnd = await finished(a, run.id, 'replica A stopped');
      expect(lostEnd.state).toBe('failed');
      expect(lostEnd.error).toMatch(/taken over by another replica/);
      const end = await finished(b, run.id, 'replica B finished the run');
      expect(end.state).toBe('succeeded');
      // Every replica shows B's end, A's included (it defers to the record once taken over).
      expect((await a.seen(who.kube))?.state).toBe('succeeded');
      const events = await eventually(
        async () => {
          const list = await kubectlJson<{ items: { note?: string; metadata: { labels: Record<string, string> } }[] }>([
            'get',
            'events.events.k8s.io',
            '-n',
            NS,
            '-l',
            'imagepod.io/audit-action in (deploy-interrupted,deploy-resumed)',
          ]);
          const mine = list.items.filter((e) => e.note?.includes(run.id));
          return mine.length >= 2 ? mine.map((e) => e.metadata.labels['imagepod.io/audit-action']).sort() : null;
        },
        20_000,
        'interrupted and resumed rows',
      );
      expect(events).toEqual(['deploy-interrupted', 'deploy-resumed']);
      expect(
        (await kubectl(['get', 'deployment', 'imagepod-api', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim(),
      ).toBe('2');
    } finally {
      delete process.env.IMAGEPOD_DEPLOY_LEASE_S;
    }
  }, 300_000);

  it('undeploy then deploy at once: every gate waits for the new objects, not the old ones of the same name', async () => {
    const a = new DeployRunner();
    const who = await actor('admin');
    const uids = async () =>
      Object.fromEntries(
        (
          await kubectlJson<{ items: { kind: string; metadata: { name: string; uid: string } }[] }>([
            'get',
            'deployments,statefulsets,daemonsets',
            '-n',
            NS,
          ])
        ).items.map((i) => [`${i.kind}/${i.metadata.name}`, i.metadata.uid]),
      );
    const before = await uids();
    expect(Object.keys(before).length).toBeGreaterThan(5);
    // The cache still holds the live Deployment: a gate asked about another object of its name
    // (what was applied after a delete) is not fooled by that one's ready status.
    const api = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'imagepod-api', namespace: NS } };
    expect(gate(api, { generation: 1, uid: before['Deployment/imagepod-api']! }).ready).toBe(true);
    const other = gate(api, { generation: 1, uid: 'a-newer-object' });
    expect(other).toEqual({ ready: false, message: 'waiting for the watch cache to see the new object' });
    const un = await a.undeploy(who, { settings: DEFAULT_SETTINGS, removeVolumes: false, removeSecrets: false });
    expect((await finished(a, un.id, 'undeploy finished')).state).toBe('succeeded');
    const run = await a.deploy(who, DEFAULT_SETTINGS, { takeOwnership: [], keepLiveReplicas: [] });
    const end = await finished(a, run.id, 'deploy finished');
    expect(end.state).toBe('succeeded');
    const after = await uids();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const k of Object.keys(before)) expect(after[k], k).not.toBe(before[k]);
    // Each workload's gate passed on the object now live.
    const cache = getClusterCache();
    for (const [k, uid] of Object.entries(after)) {
      const [kind, name] = k.split('/');
      expect(cache.views.workloads.get(`${kind}/${NS}/${name}`)?.uid, k).toBe(uid);
    }
  }, 300_000);
});
