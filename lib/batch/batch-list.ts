/**
 * Links, test ids, tones and filtering of the Jobs and CronJobs tables. Pure and tested.
 */
import type { Tone } from '../status-tone';
import type { CronJobRow } from './cronjob-row';
import type { JobPhase, JobRow } from './job-row';

type Ref = { namespace: string; name: string };
const collator = new Intl.Collator('en', { numeric: true });

/** A Job's page: `/workloads/jobs/<namespace>/<name>`. */
export function jobHref(j: Ref): string {
  return `/workloads/jobs/${encodeURIComponent(j.namespace)}/${encodeURIComponent(j.name)}`;
}

/** A CronJob's page: `/workloads/cronjobs/<namespace>/<name>`. */
export function cronJobHref(c: Ref): string {
  return `/workloads/cronjobs/${encodeURIComponent(c.namespace)}/${encodeURIComponent(c.name)}`;
}

/** `job-row-team-a-train`: the test id stem of a Job or CronJob, as workloadTestId is for workloads. */
export function batchTestId(kind: 'job' | 'cronjob', part: string, r: Ref): string {
  return `${kind}-${part}-${r.namespace}-${r.name}`;
}

const TONE: Record<JobPhase, Tone> = {
  Complete: 'ok',
  Failed: 'bad',
  Suspended: 'warn',
  Running: 'info',
  Pending: 'neutral',
};

/** The badge colour of a Job's phase. */
export function jobTone(phase: JobPhase): Tone {
  return TONE[phase];
}

/** The filter of the Workloads page, applied to Jobs or CronJobs. */
export interface BatchFilter {
  namespace: string | null;
  search: string;
}

/** Rows in the namespace whose name or image contains the search, ordered by namespace then name. */
export function filterBatch<T extends JobRow | CronJobRow>(rows: readonly T[], f: BatchFilter): T[] {
  const needle = f.search.trim().toLowerCase();
  return rows
    .filter(
      (r) =>
        (f.namespace === null || r.namespace === f.namespace) &&
        (!needle || r.name.toLowerCase().includes(needle) || r.images.some((i) => i.toLowerCase().includes(needle))),
    )
    .sort((a, b) => collator.compare(a.namespace, b.namespace) || collator.compare(a.name, b.name));
}

/**
 * The Jobs of one CronJob (owned by it), newest first: what its page lists.
 */
export function jobsOf(rows: readonly JobRow[], c: Ref): JobRow[] {
  return rows
    .filter((j) => j.namespace === c.namespace && j.cronJob === c.name)
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || collator.compare(b.name, a.name));
}
