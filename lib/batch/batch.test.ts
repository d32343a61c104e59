import { describe, expect, it } from 'vitest';
import { batchTestId, cronJobHref, filterBatch, jobHref, jobTone, jobsOf } from './batch-list';
import { toCronJobRow } from './cronjob-row';
import { completionsText, jobDurationMs, toJobRow, type JobRow } from './job-row';
import { jobFromCronJob, manualJobName } from './manual-job';
import { nextRun } from './next-run';
import type { CronJob, Job } from './types';

const template = {
  spec: {
    containers: [{ name: 'train', image: 'trainer:1', resources: { limits: { 'nvidia.com/gpu': '2' } } }],
  },
};

function job(over: Partial<Job> = {}): Job {
  return {
    metadata: { name: 'j', namespace: 'ns', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z' },
    spec: { completions: 3, parallelism: 1, template },
    ...over,
  };
}

describe('toJobRow', () => {
  it('reads counts, the GPU requests of one pod and a running phase', () => {
    const r = toJobRow(job({ status: { active: 1, succeeded: 1, startTime: '2026-01-01T00:00:05Z' } }));
    expect(r).toMatchObject({ key: 'ns/j', phase: 'Running', active: 1, succeeded: 1, failed: 0, completions: 3 });
    expect(r.gpuPerPod).toEqual({ 'nvidia.com/gpu': 2 });
    expect(completionsText(r)).toBe('1/3');
  });

  it('is Complete or Failed by its conditions, Failed with the reason', () => {
    const done = toJobRow(job({ status: { conditions: [{ type: 'Complete', status: 'True' }] } }));
    expect(done.phase).toBe('Complete');
    const failed = toJobRow(
      job({ status: { conditions: [{ type: 'Failed', status: 'True', message: 'BackoffLimitExceeded' }] } }),
    );
    expect(failed).toMatchObject({ phase: 'Failed', message: 'BackoffLimitExceeded' });
    const suspended = toJobRow(job({ spec: { suspend: true, template } }));
    expect(suspended.phase).toBe('Suspended');
    expect(toJobRow(job()).phase).toBe('Pending');
  });

  it('names the CronJob that controls it and whether it was made by hand', () => {
    const r = toJobRow(
      job({
        metadata: {
          name: 'j',
          namespace: 'ns',
          uid: 'u',
          annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
          ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'c', controller: true }],
        },
      }),
    );
    expect(r).toMatchObject({ cronJob: 'nightly', manual: true });
    expect(toJobRow(job())).toMatchObject({ cronJob: null, manual: false });
  });

  it('prints completions as kubectl does for a work-queue Job', () => {
    expect(completionsText({ succeeded: 0, completions: null, parallelism: 1 })).toBe('0/1');
    expect(completionsText({ succeeded: 1, completions: null, parallelism: 4 })).toBe('1/1 of 4');
  });
});

describe('jobDurationMs', () => {
  const now = Date.parse('2026-01-01T00:10:00Z');
  it('runs from start to completion, or to now while running, and is null before the start', () => {
    expect(jobDurationMs({ startTime: '2026-01-01T00:00:00Z', completionTime: '2026-01-01T00:00:42Z' }, now)).toBe(
      42_000,
    );
    expect(jobDurationMs({ startTime: '2026-01-01T00:09:00Z', completionTime: null }, now)).toBe(60_000);
    expect(jobDurationMs({ startTime: null, completionTime: null }, now)).toBeNull();
    expect(jobDurationMs({ startTime: 'garbage', completionTime: null }, now)).toBeNull();
  });
});

describe('nextRun', () => {
  const now = Date.parse('2026-01-01T00:03:00Z');
  it('computes the next firing in UTC, in the CronJob zone, and for macros', () => {
    expect(nextRun('*/5 * * * *', null, now)).toBe('2026-01-01T00:05:00.000Z');
    expect(nextRun('@hourly', undefined, now)).toBe('2026-01-01T01:00:00.000Z');
    // Midnight in Berlin (UTC+1 in January) is 23:00 UTC.
    expect(nextRun('0 0 * * *', 'Europe/Berlin', now)).toBe('2026-01-01T23:00:00.000Z');
    expect(nextRun('TZ=Europe/Berlin 0 0 * * *', null, now)).toBe('2026-01-01T23:00:00.000Z');
  });
  it('is null for what it cannot read', () => {
    expect(nextRun('not a schedule', null, now)).toBeNull();
    expect(nextRun('* * * * *', 'Not/AZone', now)).toBeNull();
  });
});

describe('CronJobs', () => {
  const cj: CronJob = {
    metadata: { name: 'nightly', namespace: 'ns', uid: 'c1' },
    spec: {
      schedule: '0 2 * * *',
      suspend: true,
      jobTemplate: { metadata: { labels: { app: 'x' }, annotations: { a: 'b' } }, spec: { template } },
    },
    status: { active: [{ name: 'nightly-1' }], lastScheduleTime: '2026-01-01T02:00:00Z' },
  };

  it('has a row with schedule, suspended state, active Jobs and GPUs', () => {
    expect(toCronJobRow(cj)).toMatchObject({
      key: 'ns/nightly',
      schedule: '0 2 * * *',
      suspended: true,
      active: ['nightly-1'],
      lastScheduleTime: '2026-01-01T02:00:00Z',
      concurrencyPolicy: 'Allow',
      gpuPerPod: { 'nvidia.com/gpu': 2 },
    });
  });

  it('makes the Job kubectl create job --from=cronjob makes', () => {
    const j = jobFromCronJob(cj, 'nightly-manual-abcde');
    expect(j.metadata).toEqual({
      name: 'nightly-manual-abcde',
      namespace: 'ns',
      labels: { app: 'x' },
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', a: 'b' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'nightly', uid: 'c1', controller: true }],
    });
    expect(j.spec).toBe(cj.spec!.jobTemplate.spec);
  });

  it('names manual Jobs within the 63 characters of a label value', () => {
    expect(manualJobName('nightly', 'abcde')).toBe('nightly-manual-abcde');
    const long = manualJobName('a'.repeat(52), 'abcde');
    expect(long).toHaveLength(63);
    expect(manualJobName(`${'a'.repeat(49)}-b`, 'abcde')).toBe(`${'a'.repeat(49)}-manual-abcde`);
  });
});

describe('batch lists', () => {
  const row = (namespace: string, name: string, over: Partial<JobRow> = {}) =>
    ({ ...toJobRow(job({ metadata: { name, namespace, uid: name } })), ...over }) as JobRow;

  it('filters by namespace and name or image, ordered by namespace then name', () => {
    const rows = [row('b', 'x'), row('a', 'train-10'), row('a', 'train-9'), row('a', 'other')];
    expect(filterBatch(rows, { namespace: 'a', search: 'TRAIN-' }).map((r) => r.name)).toEqual(['train-9', 'train-10']);
    expect(filterBatch(rows, { namespace: null, search: 'trainer:1' })).toHaveLength(4);
    expect(filterBatch(rows, { namespace: null, search: 'nope' })).toEqual([]);
  });

  it('lists the Jobs of a CronJob, newest first', () => {
    const rows = [
      row('a', 'n-1', { cronJob: 'n', createdAt: '2026-01-01T00:00:00Z' }),
      row('a', 'n-2', { cronJob: 'n', createdAt: '2026-01-01T01:00:00Z' }),
      row('b', 'n-3', { cronJob: 'n' }),
      row('a', 'lone'),
    ];
    expect(jobsOf(rows, { namespace: 'a', name: 'n' }).map((r) => r.name)).toEqual(['n-2', 'n-1']);
  });

  it('links and tones', () => {
    expect(jobHref({ namespace: 'a', name: 'j' })).toBe('/workloads/jobs/a/j');
    expect(cronJobHref({ namespace: 'a', name: 'c' })).toBe('/workloads/cronjobs/a/c');
    expect(jobTone('Failed')).toBe('bad');
    expect(batchTestId('job', 'row', { namespace: 'a', name: 'j' })).toBe('job-row-a-j');
  });
});
