import type { WorkloadResource } from '../../kube-resources';

/** Query keys of the workloads view (Deployments, StatefulSets, DaemonSets) and their histories. */
export const workloadKeys = {
  all: ['workloads'] as const,
  /** The whole workloads view, filtered locally by pages. */
  list: () => [...workloadKeys.all, 'list'] as const,
  /** The Jobs view. */
  jobs: () => [...workloadKeys.all, 'jobs'] as const,
  /** The CronJobs view. */
  cronJobs: () => [...workloadKeys.all, 'cronjobs'] as const,
  /** One workload's rollout history; `version` follows the live row (see history-query.ts). */
  history: (kind: WorkloadResource, namespace: string, name: string, version: string) =>
    [...workloadKeys.all, 'history', kind, namespace, name, version] as const,
};
