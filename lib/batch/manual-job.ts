/**
 * "Run now": the Job `kubectl create job <name> --from=cronjob/<cronjob>` makes from a CronJob —
 * its jobTemplate's spec, labels and annotations, the annotation
 * `cronjob.kubernetes.io/instantiate: manual`, and the CronJob as controller owner (without
 * blockOwnerDeletion, as kubectl: that would need the cronjobs/finalizers right). Pure.
 */
import { MANUAL_ANNOTATION } from './job-row';
import type { ObjectMeta } from '../kube-types';
import type { CronJob, Job } from './types';

/** A Job as sent to be created: no uid yet. */
export type NewJob = Omit<Job, 'metadata'> & { metadata: Omit<ObjectMeta, 'uid'> };

/** Longest Job name whose pods' `job-name` label (63 characters at most) still fits. */
const MAX_JOB_NAME = 63;

/**
 * A name for a hand-made Job: `<cronjob>-manual-<suffix>` (the Kubernetes Dashboard's pattern;
 * kubectl asks for one), the CronJob's part cut so the whole stays a valid label value.
 */
export function manualJobName(cronJob: string, suffix: string): string {
  const tail = `-manual-${suffix}`;
  const head = cronJob.slice(0, MAX_JOB_NAME - tail.length).replace(/[-.]+$/, '');
  return `${head}${tail}`;
}

/** The Job to create for "run now". */
export function jobFromCronJob(c: CronJob, name: string): NewJob {
  const t = c.spec?.jobTemplate;
  if (!t?.spec) throw new Error(`CronJob ${c.metadata.name} has no jobTemplate`);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: c.metadata.namespace,
      labels: t.metadata?.labels,
      annotations: { [MANUAL_ANNOTATION]: 'manual', ...t.metadata?.annotations },
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: c.metadata.name, uid: c.metadata.uid, controller: true },
      ],
    },
    spec: t.spec,
  };
}
