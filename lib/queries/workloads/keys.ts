/** Query keys of the workloads view (Deployments, StatefulSets, DaemonSets). */
export const workloadKeys = {
  all: ['workloads'] as const,
  /** The whole workloads view, filtered locally by pages. */
  list: () => [...workloadKeys.all, 'list'] as const,
};
