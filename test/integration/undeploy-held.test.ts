/**
 * An undeploy that cannot see an object go says what is still there instead of "deleted": the
 * bundle's Grafana Deployment and one of its ConfigMaps, held by a finalizer, are `failed` with
 * their deletionTimestamp, finalizer and (for the Deployment) the pods still in the watch cache;
 * the stage and the run fail, and the audit trail says so. Once the finalizers are removed the
 * same undeploy succeeds. Shares the `imagepod` namespace with deploy.test.ts (files run one
 * after another): it starts and ends without the stack's objects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECONFIG, TestUsers, callRoute, eventually, kubectl, signIn } from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;
const WAIT_S = 4;
process.env.IMAGEPOD_UNDEPLOY_WAIT_S = String(WAIT_S);

const { POST: undeploy } = await import('@/app/api/deploy/undeploy/route');
const { GET: audit } = await import('@/app/api/audit/route');
const { getDeployRunner } = await import('@/lib/server/deploy/runner');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { loadBundle } = await import('@/lib/server/deploy/bundle');
const { applySettings } = await import('@/lib/deploy/transform');
const { DEFAULT_SETTINGS } = await import('@/lib/deploy/settings');
type Run = import('@/lib/deploy/run-types').DeployRun;

const NS = 'imagepod';
const HOLD = 'example.com/hold';
const users = new TestUsers();
let admin = '';
const bundle = applySettings(loadBundle(), DEFAULT_SETTINGS);
const held = [
  bundle.find((o) => o.kind === 'Deployment' && o.metadata.name === 'grafana')!,
  bundle.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'grafana-dashboards')!,
];
const refs = held.map((o) => `${o.kind.toLowerCase()}/${o.metadata.name}`);

/** Lets the held objects go: removes the finalizer (and the objects) wherever they still are. */
async function release(): Promise<void> {
  for (const ref of refs) {
    await kubectl(['patch', ref, '-n', NS, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']).catch(
      (e: Error) => {
        if (!/NotFound|not found/.test(e.message)) throw e;
      },
    );
  }
  await kubectl(['delete', ...refs, '-n', NS, '--ignore-not-found', '--wait=true', '--timeout=60s']);
}

async function undeployToEnd(): Promise<Run> {
  const res = await callRoute<{ run: Run }>(undeploy, '/api/deploy/undeploy', {
    cookie: admin,
    body: { confirm: NS },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const id = res.body.run.id;
  return eventually(
    () => {
      const run = getDeployRunner().current();
      return run?.id === id && run.state !== 'running' ? run : null;
    },
    120_000,
    'undeploy finished',
  );
}

const objectsOf = (run: Run) => run.stages.flatMap((s) => s.objects);

describe('an undeploy that times out reports what is still there', () => {
  beforeAll(async () => {
    getClusterCache();
    await kubectl(['create', 'namespace', NS]).catch(() => undefined);
    // deploy.test.ts removes the stack when it ends; refuse to start on top of one rather than
    // undeploy somebody's stack half-way.
    expect((await kubectl(['get', 'deployments,statefulsets,daemonsets', '-n', NS, '-o', 'name'])).trim()).toBe('');
    await release();
    await users.create();
    admin = await signIn(await users.token('admin'));
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
  }, 120_000);

  afterAll(async () => {
    await release();
    await users.remove();
  }, 120_000);

  it(
    'a Deployment and a ConfigMap held by a finalizer are failed "still there … finalizers", the run fails, the audit says so',
    { timeout: 180_000 },
    async () => {
      for (const o of held)
        await kubectl(['create', '-f', '-'], JSON.stringify({ ...o, metadata: { ...o.metadata, finalizers: [HOLD] } }));
      // The Deployment's pod is in the watch cache, so the message can name it.
      const pod = await eventually(
        () =>
          getClusterCache()
            .views.pods.list()
            .items.find((p) => p.namespace === NS && p.labels.app === 'grafana'),
        60_000,
        'the grafana pod in the watch cache',
      );

      const t0 = Date.now();
      const run = await undeployToEnd();
      expect(run.state).toBe('failed');
      const byKey = new Map(objectsOf(run).map((o) => [o.key, o]));
      const deployment = byKey.get('Deployment/imagepod/grafana')!;
      expect(deployment.state).toBe('failed');
      expect(deployment.message).toMatch(
        new RegExp(
          `^still there after ${WAIT_S} s: deletionTimestamp \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC; finalizers example\\.com/hold; \\d+ pods? still there: .*${pod.name} \\(`,
        ),
      );
      const configMap = byKey.get('ConfigMap/imagepod/grafana-dashboards')!;
      expect(configMap.state).toBe('failed');
      expect(configMap.message).toMatch(
        new RegExp(
          `^still there after ${WAIT_S} s: deletionTimestamp \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC; finalizers example\\.com/hold$`,
        ),
      );
      // It waited (once per held object), but not the default 120 s.
      expect(Date.now() - t0).toBeGreaterThanOrEqual(2 * WAIT_S * 1000);
      expect(Date.now() - t0).toBeLessThan(60_000);
      // Nothing held is called deleted; what was not there is, and says so.
      expect(objectsOf(run).filter((o) => o.state === 'deleted' && o.message !== 'was not there')).toEqual([]);
      const monitoring = run.stages.find((s) => s.id === '4-monitoring')!;
      expect(monitoring.state).toBe('failed');
      expect(run.stages.filter((s) => s.state === 'pending').map((s) => s.id)).toEqual([
        '3-api',
        '2-data',
        '1-namespace',
      ]);
      const first = objectsOf(run).find((o) => o.state === 'failed')!;
      expect(run.error).toBe(`${first.key}: ${first.message}`);
      expect(run.error).toContain(HOLD);
      // The objects really are still there, marked for deletion.
      for (const ref of refs) {
        const live = JSON.parse(await kubectl(['get', ref, '-n', NS, '-o', 'json'])) as {
          metadata: { deletionTimestamp?: string; finalizers?: string[] };
        };
        expect(live.metadata.deletionTimestamp, ref).toBeTruthy();
        expect(live.metadata.finalizers, ref).toEqual([HOLD]);
      }

      const row = await eventually(
        async () => {
          const r = await callRoute<{ items: { action: string; result: string; message: string }[] }>(
            audit,
            `/api/audit?action=undeploy&result=failure&user=${encodeURIComponent(users.username('admin'))}`,
            { cookie: admin },
          );
          return r.body.items?.find((i) => i.message.includes(run.error!));
        },
        15_000,
        'the failed undeploy audited',
      );
      expect(row.message).toBe(`undeploy failed: ${run.error}`);
      expect(row.message).toMatch(/still there after \d+ s: .*finalizers example\.com\/hold/);

      // Released, the same undeploy sees them go and succeeds.
      for (const ref of refs)
        await kubectl(['patch', ref, '-n', NS, '--type=merge', '-p', '{"metadata":{"finalizers":null}}']);
      const again = await undeployToEnd();
      expect(again.error).toBeNull();
      expect(again.state).toBe('succeeded');
      expect((await kubectl(['get', ...refs, '-n', NS, '--ignore-not-found', '-o', 'name'])).trim()).toBe('');
    },
  );
});
