import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WorkloadDetail } from '@/components/workloads/workload-detail';
import { WORKLOAD_KIND_OF, isWorkloadResource } from '@/lib/kube-resources';

interface Props {
  params: Promise<{ kind: string; namespace: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` };
}

/** `/workloads/<deployments|statefulsets|daemonsets>/<namespace>/<name>`: status, scale, rollout actions, history and undo. */
export default async function WorkloadPage({ params }: Props) {
  const { kind, namespace, name } = await params;
  if (!isWorkloadResource(kind)) notFound();
  return (
    <WorkloadDetail
      kind={WORKLOAD_KIND_OF[kind]}
      namespace={decodeURIComponent(namespace)}
      name={decodeURIComponent(name)}
    />
  );
}
