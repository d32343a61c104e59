/**
 * Jobs and CronJobs on the devcluster: the real controller-manager runs them, kwok completes the
 * pods of a Job (its default pod-complete stage: a Running pod owned by a Job becomes Succeeded).
 * A Job's completion is seen through the panel's API (the watch cache's jobs view); a CronJob is
 * suspended, resumed and run now by a user who may, and refused to one who may not, with nothing
 * changed and the refusal audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CronJob, Job } from '@/lib/batch/types';
import type { CronJobRow } from '@/lib/batch/cronjob-row';
import type { JobRow } from '@/lib/batch/job-row';
import { nightlyCronJob } from '../builders/manifests';
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

const W = '@/app/api/workloads/[kind]/[namespace]/[name]';
const { POST: suspend } = await import(`${W}/suspend/route`);
const { POST: run } = await import(`${W}/run/route`);
const { GET: jobs } = await import('@/app/api/jobs/route');
const { GET: cronjobs } = await import('@/app/api/cronjobs/route');
const { GET: audit } = await import('@/app/api/audit/route');
const { GET: pod } = await import('@/app/api/pods/[namespace]/[name]/route');

const users = new TestUsers();
const NS = uniqueName('it-batch');
const cookies = { admin: '', viewer: '' };

const jobRows = async (cookie = cookies.admin) => {
  const r = await callRoute<{ items: JobRow[] }>(jobs, `/api/jobs?namespace=${NS}`, { cookie });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items;
};
const cronRow = async (name = 'nightly') => {
  const r = await callRoute<{ items: CronJobRow[] }>(cronjobs, `/api/cronjobs?namespace=${NS}`, {
    cookie: cookies.admin,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.items.find((c) => c.name === name);
};
const act = (handler: typeof run, verb: 'suspend' | 'run', cookie: string, body: unknown, name = 'nightly') =>
  callRoute<{ job?: string; suspended?: boolean }>(handler, `/api/workloads/cronjobs/${NS}/${name}/${verb}`, {
    cookie,
    body,
    params: { kind: 'cronjobs', namespace: NS, name },
  });
const auditRows = async (action: string) =>
  (
    await callRoute<{ items: { result: string; user: string; target: { name: string }; details?: unknown }[] }>(
      audit,
      `/api/audit?action=${action}`,
      { cookie: cookies.admin },
    )
  ).body.items ?? [];

beforeAll(async () => {
  await users.create();
  await createNamespace(NS);
  await kubectl(['create', 'namespace', 'imagepod']).catch(() => undefined); // the audit trail's namespace
  await apply(nightlyCronJob(NS, 'nightly', { gpus: 2 }));
  cookies.admin = await signIn(await users.token('admin'));
  cookies.viewer = await signIn(await users.token('viewer'));
  await eventually(async () => (await cronRow()) !== undefined, 30_000, 'the CronJob in the cache');
}, 120_000);

afterAll(async () => {
  await kubectl(['delete', 'namespace', NS, '--wait=false']);
  await users.remove();
});

describe('Jobs and CronJobs through the panel', () => {
  it("a Job's completion: Running with active pods, then Complete with every completion and a duration", async () => {
    await apply({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'train', namespace: NS },
      spec: {
        completions: 3,
        parallelism: 1,
        template: {
          spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'registry.local/batch:1' }] },
        },
      },
    });
    const seen = new Set<string>();
    const done = await eventually(
      async () => {
        const j = (await jobRows()).find((r) => r.name === 'train');
        if (j) seen.add(j.phase);
        return j?.phase === 'Complete' ? j : undefined;
      },
      90_000,
      'Job train Complete in /api/jobs',
    );
    expect(done).toMatchObject({ succeeded: 3, completions: 3, failed: 0, active: 0, cronJob: null });
    expect(done.startTime).toBeTruthy();
    expect(Date.parse(done.completionTime!)).toBeGreaterThanOrEqual(Date.parse(done.startTime!));
    // It was seen running on the way (three pods one after another take seconds, the poll is faster).
    expect([...seen]).toContain('Running');
    const live = await kubectlJson<Job>(['get', 'job', 'train', '-n', NS]);
    expect(live.status?.succeeded).toBe(3);
  }, 120_000);

  it("a CronJob's row: schedule, suspended, the GPUs of one pod as the GPU model counts them", async () => {
    expect(await cronRow()).toMatchObject({
      schedule: '0 0 1 1 *',
      suspended: true,
      active: [],
      lastScheduleTime: null,
      gpuPerPod: { 'nvidia.com/gpu': 2 },
    });
  });

  it('a viewer may neither resume nor run it: 403 from Kubernetes, nothing changes, the refusals audited', async () => {
    const before = await kubectlJson<{ items: Job[] }>(['get', 'jobs', '-n', NS, '-o', 'json']);
    const a = await act(suspend, 'suspend', cookies.viewer, { suspend: false });
    expect(a.status, JSON.stringify(a.body)).toBe(403);
    expect(a.body.error?.code).toBe('FORBIDDEN');
    const b = await act(run, 'run', cookies.viewer, {});
    expect(b.status, JSON.stringify(b.body)).toBe(403);
    const cj = await kubectlJson<CronJob>(['get', 'cronjob', 'nightly', '-n', NS]);
    expect(cj.spec?.suspend).toBe(true);
    const after = await kubectlJson<{ items: Job[] }>(['get', 'jobs', '-n', NS, '-o', 'json']);
    expect(after.items.map((j) => j.metadata.name)).toEqual(before.items.map((j) => j.metadata.name));
    for (const action of ['resume', 'run-now'])
      await eventually(
        async () =>
          (await auditRows(action)).some(
            (r) => r.result === 'denied' && r.user === users.username('viewer') && r.target.name === 'nightly',
          ),
        15_000,
        `${action} denial audited`,
      );
  });

  it('run now: a Job from the template, owned by the CronJob and annotated manual, audited with its name', async () => {
    const a = await act(run, 'run', cookies.admin, {});
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const name = a.body.job!;
    expect(name).toMatch(/^nightly-manual-[a-z0-9]{5}$/);
    const j = await kubectlJson<Job>(['get', 'job', name, '-n', NS, '--show-managed-fields']);
    const cj = await kubectlJson<CronJob>(['get', 'cronjob', 'nightly', '-n', NS]);
    expect(j.metadata.annotations?.['cronjob.kubernetes.io/instantiate']).toBe('manual');
    // Created under the panel's own field manager, not the HTTP client's default.
    const managers = (j.metadata as { managedFields?: { manager: string }[] }).managedFields?.map((m) => m.manager);
    expect(managers).toContain('imagepod-dashboard/run-now');
    expect(j.metadata.labels).toMatchObject({ app: 'nightly' });
    expect(j.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: cj.metadata.uid, controller: true },
    ]);
    expect(j.spec?.template.spec.containers[0]?.image).toBe('registry.local/batch:1');
    // The GPU request is the template's; the devcluster's GPU nodes are tainted, so it stays
    // Pending rather than take GPUs from other tests: the row says so, owned by the CronJob.
    const row = await eventually(
      async () => (await jobRows()).find((r) => r.name === name),
      30_000,
      'the manual Job in /api/jobs',
    );
    expect(row).toMatchObject({ cronJob: 'nightly', manual: true, gpuPerPod: { 'nvidia.com/gpu': 2 } });
    await eventually(
      async () =>
        (await auditRows('run-now')).some(
          (r) =>
            r.result === 'success' && r.user === users.username('admin') && JSON.stringify(r.details).includes(name),
        ),
      15_000,
      'run-now audited with the Job name',
    );
  }, 60_000);

  it('run now of a CronJob without GPUs: its Job completes', async () => {
    await apply(nightlyCronJob(NS, 'plain'));
    await eventually(async () => (await cronRow('plain')) !== undefined, 30_000, 'CronJob plain cached');
    const a = await act(run, 'run', cookies.admin, {}, 'plain');
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const done = await eventually(
      async () => {
        const r = (await jobRows()).find((x) => x.name === a.body.job);
        return r?.phase === 'Complete' ? r : undefined;
      },
      60_000,
      'the manual Job Complete',
    );
    expect(done).toMatchObject({ cronJob: 'plain', manual: true, succeeded: 1 });
    // Its pod's page names the chain up to the CronJob.
    const podName = (
      await kubectl([
        'get',
        'pods',
        '-n',
        NS,
        '-l',
        `job-name=${a.body.job}`,
        '-o',
        'jsonpath={.items[0].metadata.name}',
      ])
    ).trim();
    const p = await eventually(
      async () => {
        const r = await callRoute<{ owners: { kind: string; name: string }[] }>(pod, `/api/pods/${NS}/${podName}`, {
          cookie: cookies.admin,
          params: { namespace: NS, name: podName },
        });
        return r.status === 200 ? r.body : undefined;
      },
      15_000,
      'the pod page',
    );
    expect(p.owners.map((o) => `${o.kind}/${o.name}`)).toEqual([`Job/${a.body.job}`, 'CronJob/plain']);
  }, 90_000);

  it('suspend and resume, seen through /api/cronjobs, audited', async () => {
    const a = await act(suspend, 'suspend', cookies.admin, { suspend: false });
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.suspended).toBe(false);
    await eventually(async () => (await cronRow())?.suspended === false, 15_000, 'resumed in the cache');
    const b = await act(suspend, 'suspend', cookies.admin, { suspend: true });
    expect(b.body.suspended).toBe(true);
    const cj = await kubectlJson<CronJob>(['get', 'cronjob', 'nightly', '-n', NS, '--show-managed-fields']);
    const managers = (cj.metadata as { managedFields?: { manager: string }[] }).managedFields?.map((m) => m.manager);
    expect(managers).toContain('imagepod-dashboard/suspend');
    await eventually(async () => (await cronRow())?.suspended === true, 15_000, 'suspended in the cache');
    for (const action of ['suspend', 'resume'])
      await eventually(
        async () => (await auditRows(action)).some((r) => r.result === 'success' && r.user === users.username('admin')),
        15_000,
        `${action} audited`,
      );
  });

  it('refuses what is not a CronJob action, before any request', async () => {
    const wrongKind = await callRoute(suspend, `/api/workloads/deployments/${NS}/nightly/suspend`, {
      cookie: cookies.admin,
      body: { suspend: true },
      params: { kind: 'deployments', namespace: NS, name: 'nightly' },
    });
    expect(wrongKind.status).toBe(400);
    const badBody = await act(suspend, 'suspend', cookies.admin, { suspend: 'yes' });
    expect(badBody.status).toBeGreaterThanOrEqual(400);
    expect(badBody.status).toBeLessThan(500);
    const extra = await act(run, 'run', cookies.admin, { name: 'chosen' });
    expect(extra.status).toBeGreaterThanOrEqual(400);
    expect(extra.status).toBeLessThan(500);
    const missing = await act(run, 'run', cookies.admin, {}, 'nope');
    expect(missing.status).toBe(404);
  });
});
