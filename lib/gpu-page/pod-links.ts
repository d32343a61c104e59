/**
 * Where a GPU holder links to: its pod, its logs, and its workload when the pods view says which
 * one owns it (a ReplicaSet named `<deployment>-<pod-template-hash>` is read as its Deployment).
 */
import type { WorkloadKind } from '../kube-resources';
import { isWorkloadKind } from '../kube-resources';

export interface PodOwnerInfo {
  owner: { kind: string; name: string } | null;
  labels: Record<string, string>;
}

/** The workload behind a pod, or null (a bare pod, a Job, an unknown owner). */
export function podWorkload(p: PodOwnerInfo): { kind: WorkloadKind; name: string } | null {
  const o = p.owner;
  if (!o) return null;
  if (isWorkloadKind(o.kind)) return { kind: o.kind, name: o.name };
  const hash = p.labels['pod-template-hash'];
  if (o.kind === 'ReplicaSet' && hash && o.name.endsWith(`-${hash}`))
    return { kind: 'Deployment', name: o.name.slice(0, -hash.length - 1) };
  return null;
}

/** The pod's own page (`/pods/<namespace>/<name>`). */
export function podHref(p: { namespace: string; name: string }): string {
  return `/pods/${encodeURIComponent(p.namespace)}/${encodeURIComponent(p.name)}`;
}
