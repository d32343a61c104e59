import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WorkloadDetail } from '@/components/workloads/workload-detail';
import { WORKLOAD_KINDS, type WorkloadResource } from '@/lib/views';

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
  if (!Object.hasOwn(WORKLOAD_KINDS, kind)) notFound();
  return <WorkloadDetail kind={WORKLOAD_KINDS[kind as WorkloadResource]} namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
}
