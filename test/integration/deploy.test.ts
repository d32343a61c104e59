import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  KUBECONFIG,
  REPO,
  TestUsers,
  callRoute,
  eventually,
  kubectl,
  kubectlJson,
  clearStack,
  signIn,
} from './helpers';

process.env.KUBECONFIG = KUBECONFIG;
delete process.env.KUBERNETES_SERVICE_HOST;
process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S = '180';

const { POST: preview } = await import('@/app/api/deploy/preview/route');
const { GET: getRun, POST: startRun } = await import('@/app/api/deploy/runs/route');
const { GET: getSettings } = await import('@/app/api/deploy/settings/route');
const { POST: resumeRun } = await import('@/app/api/deploy/runs/resume/route');
const { POST: undeploy } = await import('@/app/api/deploy/undeploy/route');
const { getDeployRunner } = await import('@/lib/server/deploy/runner');
const { getClusterCache } = await import('@/lib/server/kube/cluster-cache');
const { DEFAULT_SETTINGS } = await import('@/lib/deploy/settings');
type Run = import('@/lib/deploy/run-types').DeployRun;
type Preview = {
  stages: {
    id: string;
    objects: {
      key: string;
      action: string;
      paths: string[];
      conflicts: { manager: string; field: string }[];
      message: string | null;
      diff: string;
    }[];
  }[];
};

const NS = 'imagepod';
const users = new TestUsers();
let admin = '';
let viewer = '';
const SETTINGS = {
  ...DEFAULT_SETTINGS,
  apiReplicas: 3,
  ingressHost: 'panel-test.imagepod.local',
  postgresStorage: '5Gi',
};

async function runToEnd(cookie: string, body: object): Promise<Run> {
  const res = await callRoute<{ run: Run }>(startRun, '/api/deploy/runs', { cookie, body });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const id = res.body.run.id;
  return eventually(
    () => {
      const run = getDeployRunner().current();
      return run?.id === id && run.state !== 'running' ? run : null;
    },
    300_000,
    'deploy finished',
  );
}

const objectsOf = (run: Run) => run.stages.flatMap((s) => s.objects);
const workloadGenerations = async () => {
  const list = await kubectlJson<{ items: { kind: string; metadata: { name: string; generation: number } }[] }>([
    'get',
    'deployments,statefulsets,daemonsets',
    '-n',
    NS,
  ]);
  return Object.fromEntries(list.items.map((i) => [`${i.kind}/${i.metadata.name}`, i.metadata.generation]));
};
const secretData = async () =>
  (await kubectlJson<{ data: Record<string, string> }>(['get', 'secret', 'imagepod-secrets', '-n', NS])).data;

describe('one-click deploy of the bundle on the devcluster', () => {
  beforeAll(async () => {
    getClusterCache();
    await kubectl(['create', 'namespace', NS]).catch(() => undefined);
    await clearStack();
    await users.create();
    admin = await signIn(await users.token('admin'));
    viewer = await signIn(await users.token('viewer'));
    await eventually(() => getClusterCache().everSynced(), 30_000, 'cache synced');
  }, 300_000);
  afterAll(async () => {
    await users.remove();
    await clearStack(); // later tests (and the e2e Deploy spec) start from a cluster without the stack
  }, 300_000);

  it.each([
    ['apiImage', 'UPPER/Case:1'],
    ['apiImage', 'imagepod/api:bad tag'],
    ['workerImage', ''],
    ['registry', 'https://registry.example.com'],
    ['apiReplicas', -1],
    ['apiReplicas', 1e9],
    ['apiReplicas', 'abc'],
    ['apiReplicas', 2.5],
    ['postgresStorage', 'lots'],
    ['postgresStorage', '1Mi'],
    ['ingressHost', 'Not A Host'],
    ['gpuNodeLabel', 'a b=c'],
    ['gpuNodeLabel', 'no-equals-sign'],
  ])('bad settings: %s = %j → 400 naming the field, nothing applied', async (field, value) => {
    const body = { settings: { ...SETTINGS, [field]: value } };
    for (const h of [startRun, preview]) {
      const res = await callRoute(h, '/api/deploy/x', { cookie: admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error?.field).toBe(`settings.${field}`);
    }
    expect(getDeployRunner().current()).toBeNull();
    expect((await kubectl(['get', 'deployments,statefulsets,daemonsets', '-n', NS, '-o', 'name'])).trim()).toBe('');
  });

  it('refuses unknown fields and oversized bodies', async () => {
    expect((await callRoute(startRun, '/x', { cookie: admin, body: { settings: SETTINGS, force: true } })).status).toBe(
      400,
    );
    expect(
      (
        await callRoute(startRun, '/x', {
          cookie: admin,
          rawBody: JSON.stringify({ settings: SETTINGS, takeOwnership: ['x'.repeat(100_000)] }),
        })
      ).status,
    ).toBe(413);
    expect((await callRoute(undeploy, '/x', { cookie: admin, body: { confirm: 'yes' } })).body.error?.field).toBe(
      'confirm',
    );
  });

  it("previews a fresh deploy: every object is created (the audit trail's namespace exists already)", async () => {
    const res = await callRoute<Preview>(preview, '/api/deploy/preview', {
      cookie: admin,
      body: { settings: SETTINGS },
    });
    expect(res.status).toBe(200);
    const objects = res.body.stages.flatMap((s) => s.objects);
    expect(objects.filter((o) => o.action !== 'create' && o.key !== 'Namespace/imagepod')).toEqual([]);
    expect(['change', 'unchanged']).toContain(objects.find((o) => o.key === 'Namespace/imagepod')?.action);
    expect(res.body.stages.map((s) => s.id)).toEqual([
      '1-namespace',
      '2-data',
      '3-api',
      '4-monitoring',
      '5-gpu',
      '6-ingress',
    ]);
  });

  it('deploys: every readiness gate passes, the cluster holds the bundle plus the settings; a second deploy meanwhile is 409', async () => {
    const started = await callRoute<{ run: Run }>(startRun, '/api/deploy/runs', {
      cookie: admin,
      body: { settings: SETTINGS },
    });
    expect(started.status).toBe(202);
    const second = await callRoute(startRun, '/api/deploy/runs', { cookie: admin, body: { settings: SETTINGS } });
    expect(second.status).toBe(409);
    expect(second.body.error?.message).toContain(started.body.run.id);
    const run = await eventually(
      () => (getDeployRunner().current()?.state !== 'running' ? getDeployRunner().current() : null),
      300_000,
      'deploy finished',
    );
    expect(run.error).toBeNull();
    expect(run.state).toBe('succeeded');
    expect(objectsOf(run).every((o) => o.state === 'ready')).toBe(true);
    expect(run.stages.every((s) => s.state === 'done')).toBe(true);

    const api = await kubectlJson<{
      spec: { replicas: number; template: { spec: { containers: { image: string }[] } } };
      status: { readyReplicas: number };
    }>(['get', 'deployment', 'imagepod-api', '-n', NS]);
    expect(api.spec.replicas).toBe(3);
    expect(api.status.readyReplicas).toBe(3);
    expect(api.spec.template.spec.containers[0]!.image).toBe(SETTINGS.apiImage);
    const pg = await kubectlJson<{
      spec: { volumeClaimTemplates: { spec: { resources: { requests: { storage: string } } } }[] };
    }>(['get', 'statefulset', 'postgres', '-n', NS]);
    expect(pg.spec.volumeClaimTemplates[0]!.spec.resources.requests.storage).toBe('5Gi');
    const ing = await kubectlJson<{ spec: { rules: { host: string }[] } }>([
      'get',
      'ingress',
      'imagepod-ingress',
      '-n',
      NS,
    ]);
    expect(ing.spec.rules[0]!.host).toBe('panel-test.imagepod.local');
    const worker = await kubectlJson<{
      spec: { template: { spec: { nodeSelector: Record<string, string> } } };
      status: { numberReady: number; desiredNumberScheduled: number };
    }>(['get', 'daemonset', 'imagepod-gpu-worker', '-n', NS]);
    expect(worker.spec.template.spec.nodeSelector).toEqual({ accelerator: 'nvidia-tesla-gpu' });
    expect(worker.status.numberReady).toBe(worker.status.desiredNumberScheduled);
    // Every generated key is there, 32 random bytes each.
    const data = await secretData();
    for (const k of ['postgres-password', 'redis-password', 'secret-key', 'registration-token']) {
      expect(Buffer.from(data[k]!, 'base64').toString()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    const stored = await callRoute<{ settings: typeof SETTINGS; stored: boolean }>(
      getSettings,
      '/api/deploy/settings',
      { cookie: admin },
    );
    expect(stored.body).toEqual({ settings: SETTINGS, stored: true });
    expect((await callRoute<{ run: Run }>(getRun, '/api/deploy/runs', { cookie: admin })).body.run.id).toBe(run.id);
  }, 320_000);

  it('redeploys an unchanged bundle: every object unchanged, no generation moves, secrets byte-identical, under 2 s', async () => {
    const gens = await workloadGenerations();
    const data = await secretData();
    const t0 = performance.now();
    const run = await runToEnd(admin, { settings: SETTINGS });
    const ms = performance.now() - t0;
    console.log(`[figure] redeploy of an unchanged bundle: ${Math.round(ms)} ms`);
    expect(run.state).toBe('succeeded');
    expect(
      objectsOf(run)
        .filter((o) => o.change !== 'unchanged')
        .map((o) => o.key),
    ).toEqual([]);
    expect(await workloadGenerations()).toEqual(gens);
    expect(await secretData()).toEqual(data);
    expect(ms).toBeLessThan(2000);
    // The panel's own metrics count them.
    const { panelMetrics } = await import('@/lib/server/telemetry/panel-metrics');
    expect(await panelMetrics().registry.metrics()).toMatch(
      /imagepod_panel_deploys_total\{kind="deploy",result="succeeded"\} [2-9]/,
    );
  });

  it('refuses a storage size change on a deployed stack up front (422, field named), changing nothing', async () => {
    const gens = await workloadGenerations();
    for (const h of [startRun, preview]) {
      const res = await callRoute(h, '/api/deploy/x', {
        cookie: admin,
        body: { settings: { ...SETTINGS, postgresStorage: '20Gi' } },
      });
      expect(res.status).toBe(422);
      expect(res.body.error?.field).toBe('settings.postgresStorage');
      expect(res.body.error?.message).toContain('deployed with 5Gi');
    }
    expect(await workloadGenerations()).toEqual(gens);
  });

  it('drift: kubectl scale and set env show as exactly those changes, and a deploy restores them', async () => {
    await kubectl(['scale', 'deployment', 'imagepod-api', '-n', NS, '--replicas=5']);
    await kubectl([
      'set',
      'env',
      'deployment/imagepod-api',
      '-n',
      NS,
      '-c',
      'api',
      'REDIS_URL=redis://elsewhere:6379/0',
    ]);
    const res = await callRoute<Preview>(preview, '/api/deploy/preview', {
      cookie: admin,
      body: { settings: SETTINGS },
    });
    const changed = res.body.stages.flatMap((s) => s.objects).filter((o) => o.action !== 'unchanged');
    expect(changed.map((o) => [o.key, o.action])).toEqual([['Deployment/imagepod/imagepod-api', 'drift']]);
    expect(changed[0]!.paths).toEqual(['spec.replicas', 'spec.template.spec.containers']);
    expect(changed[0]!.diff).toContain('-  replicas: 5');
    expect(changed[0]!.diff).toContain('+  replicas: 3');
    expect(changed[0]!.diff).toContain('redis://elsewhere:6379/0');
    expect(changed[0]!.message).toMatch(/kubectl/);
    const run = await runToEnd(admin, { settings: SETTINGS });
    expect(run.state).toBe('succeeded');
    const api = await kubectlJson<{
      spec: { replicas: number; template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } };
    }>(['get', 'deployment', 'imagepod-api', '-n', NS]);
    expect(api.spec.replicas).toBe(3);
    expect(api.spec.template.spec.containers[0]!.env.find((e) => e.name === 'REDIS_URL')?.value).toBe(
      'redis://:$(REDIS_PASSWORD)@redis:6379/0',
    );
  }, 320_000);

  it('conflict: a field owned by another manager is shown with its name; only "take ownership" overwrites it', async () => {
    const cm = await kubectlJson<{ data: Record<string, string> }>(['get', 'configmap', 'prometheus-config', '-n', NS]);
    const theirs = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'prometheus-config', namespace: NS },
      data: { 'prometheus.yml': `${cm.data['prometheus.yml']}# edited by gitops\n` },
    };
    await kubectl(
      ['apply', '--server-side', '--force-conflicts', '--field-manager=gitops-tool', '-f', '-'],
      stringify(theirs),
    );
    const key = 'ConfigMap/imagepod/prometheus-config';
    const res = await callRoute<Preview>(preview, '/api/deploy/preview', {
      cookie: admin,
      body: { settings: SETTINGS },
    });
    const obj = res.body.stages.flatMap((s) => s.objects).find((o) => o.key === key)!;
    expect(obj.action).toBe('conflict');
    expect(obj.conflicts).toEqual([{ manager: 'gitops-tool', field: '.data.prometheus.yml' }]);
    const refused = await runToEnd(admin, { settings: SETTINGS });
    expect(refused.state).toBe('failed');
    expect(refused.error).toContain('gitops-tool');
    expect(
      (await kubectlJson<{ data: Record<string, string> }>(['get', 'configmap', 'prometheus-config', '-n', NS])).data[
        'prometheus.yml'
      ],
    ).toContain('edited by gitops');
    const forced = await runToEnd(admin, { settings: SETTINGS, takeOwnership: [key] });
    expect(forced.state).toBe('succeeded');
    expect(objectsOf(forced).find((o) => o.key === key)?.message).toContain('took ownership from gitops-tool');
    expect(
      (await kubectlJson<{ data: Record<string, string> }>(['get', 'configmap', 'prometheus-config', '-n', NS])).data[
        'prometheus.yml'
      ],
    ).toBe(cm.data['prometheus.yml']);
  }, 320_000);

  it("a viewer's deploy and undeploy are refused before they start (403 naming the rights), audited, and change nothing", async () => {
    const gens = await workloadGenerations();
    const before = getDeployRunner().current();
    const res = await callRoute<{ error: { code: string; message: string } }>(startRun, '/api/deploy/runs', {
      cookie: viewer,
      body: { settings: { ...SETTINGS, apiReplicas: 4 } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(res.body.error.message).toMatch(/does not allow .* to patch .*configmaps in imagepod/);
    const un = await callRoute<{ error: { code: string; message: string } }>(undeploy, '/api/deploy/undeploy', {
      cookie: viewer,
      body: { confirm: 'imagepod' },
    });
    expect(un.status).toBe(403);
    expect(un.body.error.message).toMatch(/does not allow .* to delete /);
    // No run started: the one-at-a-time slot stays free and the last run is still the last.
    expect(getDeployRunner().current()).toBe(before);
    expect(await workloadGenerations()).toEqual(gens);
    const { GET: audit } = await import('@/app/api/audit/route');
    const denied = await eventually(
      async () => {
        const r = await callRoute<{ items: { action: string; result: string; user: string }[] }>(
          audit,
          `/api/audit?result=denied&user=${encodeURIComponent(users.username('viewer'))}`,
          { cookie: admin },
        );
        const actions = new Set(r.body.items?.map((i) => i.action));
        return actions.has('deploy') && actions.has('undeploy');
      },
      15_000,
      'denied deploy and undeploy audited',
    );
    expect(denied).toBe(true);
  });

  it('undeploys in reverse order, keeping the namespace, secrets and volumes unless ticked', async () => {
    const data = await secretData();
    const keep = await callRoute<{ run: Run }>(undeploy, '/api/deploy/undeploy', {
      cookie: admin,
      body: { confirm: 'imagepod' },
    });
    expect(keep.status).toBe(202);
    const run = await eventually(
      () => (getDeployRunner().current()?.state !== 'running' ? getDeployRunner().current() : null),
      300_000,
      'undeploy finished',
    );
    expect(run.state).toBe('succeeded');
    expect(run.stages.map((s) => s.id)).toEqual([
      '6-ingress',
      '5-gpu',
      '4-monitoring',
      '3-api',
      '2-data',
      '1-namespace',
    ]);
    expect((await kubectl(['get', 'deployments,statefulsets,daemonsets', '-n', NS, '-o', 'name'])).trim()).toBe('');
    expect(await secretData()).toEqual(data);
    expect((await kubectl(['get', 'pvc', '-n', NS, '-o', 'name'])).trim().split('\n').sort()).toEqual([
      'persistentvolumeclaim/postgres-storage-postgres-0',
      'persistentvolumeclaim/prometheus-data',
    ]);
    // Deploying again finds its passwords and data where it left them.
    const again = await runToEnd(admin, { settings: SETTINGS });
    expect(again.state).toBe('succeeded');
    expect(await secretData()).toEqual(data);
    // And a full removal takes the ticked things too.
    await callRoute(undeploy, '/api/deploy/undeploy', {
      cookie: admin,
      body: { confirm: 'imagepod', removeVolumes: true, removeSecrets: true },
    });
    const gone = await eventually(
      () => (getDeployRunner().current()?.state !== 'running' ? getDeployRunner().current() : null),
      300_000,
      'undeploy finished',
    );
    expect(gone.state).toBe('succeeded');
    await eventually(
      async () => (await kubectl(['get', 'pvc,secrets', '-n', NS, '-o', 'name'])).trim() === '',
      60_000,
      'claims and secrets deleted',
    );
    expect((await kubectl(['get', 'namespace', NS, '-o', 'name'])).trim()).toBe('namespace/imagepod');
  }, 600_000);

  it('a deploy cut off half-way (the server killed) shows as interrupted within its lease, and resuming it completes it', async () => {
    const LEASE_S = 4;
    const child = spawn(
      path.join(REPO, 'node_modules', '.bin', 'vite-node'),
      ['-c', 'vitest.config.ts', 'test/integration/deploy-child.ts'],
      {
        cwd: REPO,
        env: {
          ...process.env,
          DEPLOY_TOKEN: await users.token('admin'),
          KUBECONFIG,
          IMAGEPOD_DEPLOY_LEASE_S: `${LEASE_S}`,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    // Kill it as soon as it works on stage 2: namespace and secrets done, the rest not.
    await eventually(() => /stage 2-data/.test(out), 120_000, 'the child deploy reached stage 2');
    const id = /started (\S+)/.exec(out)?.[1];
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const killedAt = Date.now();
    const partial = (
      await kubectl(['get', 'deployment', 'imagepod-api', '-n', NS, '--ignore-not-found', '-o', 'name'])
    ).trim();
    expect(partial).toBe('');
    const data = await secretData();
    // While its lease runs, the dead replica's run still holds the lock: a deploy is refused, naming it.
    const early = await callRoute<{ run: Run }>(startRun, '/api/deploy/runs', {
      cookie: admin,
      body: { settings: { ...DEFAULT_SETTINGS, apiReplicas: 3 } },
    });
    if (Date.now() - killedAt < (LEASE_S - 1) * 1000) {
      expect(early.status).toBe(409);
      expect(JSON.stringify(early.body)).toContain(id);
    }
    const seen = await eventually(
      async () => {
        const r = await callRoute<{ run: Run & { state: string } }>(getRun, '/api/deploy/runs', { cookie: admin });
        return r.body.run?.state === 'interrupted' ? r.body.run : null;
      },
      30_000,
      'the run shown as interrupted',
    );
    const noticedMs = Date.now() - killedAt;
    console.log(`[deploy] interrupted run shown after ${noticedMs} ms (lease ${LEASE_S} s)`);
    expect(noticedMs).toBeLessThan((LEASE_S + 3) * 1000);
    expect(seen.id).toBe(id);
    const res = await callRoute<{ run: Run }>(resumeRun, '/api/deploy/runs/resume', { cookie: admin, body: { id } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const run = await eventually(
      () => {
        const r = getDeployRunner().current();
        return r && r.id === id && r.state !== 'running' ? r : null;
      },
      300_000,
      'resumed deploy finished',
    );
    expect(run.state).toBe('succeeded');
    expect(run.resumes).toHaveLength(1);
    expect(objectsOf(run).every((o) => o.state === 'ready')).toBe(true);
    expect(await secretData()).toEqual(data);
    // A second resume of a finished run is refused.
    const again = await callRoute(resumeRun, '/api/deploy/runs/resume', { cookie: admin, body: { id } });
    expect(again.status).toBe(409);
    // The trail: started (by the child), interrupted, resumed, finished — each naming the run.
    const trail = await eventually(
      async () => {
        const events = await kubectlJson<{ items: { note?: string; metadata: { labels: Record<string, string> } }[] }>([
          'get',
          'events.events.k8s.io',
          '-n',
          NS,
          '-l',
          'imagepod.io/audit=true',
        ]);
        const actions = events.items
          .filter((e) => e.note?.includes(id!) || e.metadata.labels['imagepod.io/audit-action'] === 'deploy')
          .map((e) => e.metadata.labels['imagepod.io/audit-action']);
        return ['deploy-started', 'deploy-interrupted', 'deploy-resumed', 'deploy'].every((a) => actions.includes(a))
          ? actions
          : null;
      },
      20_000,
      'started, interrupted, resumed and finished rows',
    );
    expect(trail).toContain('deploy-resumed');
  }, 300_000);

  it('a stage that does not become ready fails after its timeout, naming the stuck object and its latest events', async () => {
    await clearStack();
    process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S = '25';
    try {
      // No volume of the devcluster's pool is that large: PostgreSQL's claim stays Pending.
      const run = await runToEnd(admin, { settings: { ...SETTINGS, postgresStorage: '500Gi' } });
      expect(run.state).toBe('failed');
      const stuck = objectsOf(run).find((o) => o.state === 'failed')!;
      expect(stuck.key).toBe('StatefulSet/imagepod/postgres');
      expect(stuck.message).toMatch(/^not ready after 25 s: 0 of 1 pods are ready/);
      // The claim's own warning says why: no volume can satisfy it.
      expect(stuck.message).toMatch(/latest events: Warning (FailedBinding|FailedScheduling)/);
      expect(run.error).toContain('StatefulSet/imagepod/postgres');
      expect(run.stages.find((s) => s.id === '3-api')?.state).toBe('pending');
    } finally {
      process.env.IMAGEPOD_DEPLOY_STAGE_TIMEOUT_S = '180';
    }
  }, 120_000);
});
