import 'server-only';
import { randomBytes } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import { jobFromCronJob, manualJobName } from '../../batch/manual-job';
import { panelFieldManager } from '../../field-manager/field-manager';
import type { CronJob, Job } from '../../batch/types';
import { RESOURCES, apiVersionOf } from '../../kube-resources';
import { kubeRequest, resourcePath } from '../kube/transport';

/** The audit target of a CronJob action. */
export function cronJobTarget(namespace: string, name: string) {
  return { kind: 'CronJob', apiVersion: apiVersionOf(RESOURCES.cronjobs), namespace, name };
}

const cronJobPath = (namespace: string, name: string) => resourcePath(RESOURCES.cronjobs, { namespace, name });

/**
 * `kubectl patch cronjob <name> -p '{"spec":{"suspend":true|false}}'`: a suspended CronJob starts
 * no new Jobs (running ones go on). With the caller's credentials.
 */
export function setCronJobSuspended(
  kc: KubeConfig,
  namespace: string,
  name: string,
  suspend: boolean,
  signal?: AbortSignal,
): Promise<CronJob> {
  return kubeRequest<CronJob>(kc, cronJobPath(namespace, name), {
    method: 'PATCH',
    contentType: 'application/merge-patch+json',
    fieldManager: panelFieldManager(suspend ? 'suspend' : 'resume'),
    body: { spec: { suspend } },
    signal,
  });
}

/** Five characters (consonants and digits, so no words) for a Job's name: 27^5 ≈ 14 M, so two clicks do not collide. */
function suffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return [...randomBytes(5)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** A fresh name for a Job run by hand from the CronJob `cronJob` (manual-job.ts). */
export function newManualJobName(cronJob: string): string {
  return manualJobName(cronJob, suffix());
}

/**
 * "Run now" (`kubectl create job <name> --from=cronjob/<cronjob>`): reads the CronJob and creates a
 * Job from its template, both with the caller's credentials, so a user who may not read the
 * CronJob or create Jobs in its namespace is refused by Kubernetes. Returns the new Job.
 */
export async function runCronJobNow(
  kc: KubeConfig,
  namespace: string,
  name: string,
  jobName: string,
  signal?: AbortSignal,
): Promise<Job> {
  const cj = await kubeRequest<CronJob>(kc, cronJobPath(namespace, name), { signal });
  return kubeRequest<Job>(kc, resourcePath(RESOURCES.jobs, { namespace }), {
    method: 'POST',
    fieldManager: panelFieldManager('run-now'),
    body: jobFromCronJob(cj, jobName),
    signal,
  });
}
