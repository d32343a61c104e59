import type { Metadata } from 'next';
import { WorkloadsScreen } from '@/components/workloads/workloads-screen';

export const metadata: Metadata = { title: 'Workloads' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/workloads?namespace=`: Deployments, StatefulSets and DaemonSets with rollout state. */
export default async function WorkloadsPage({ searchParams }: { searchParams: SearchParams }) {
  const ns = (await searchParams).namespace;
  return <WorkloadsScreen initialNamespace={(Array.isArray(ns) ? ns[0] : ns) ?? ''} />;
}
