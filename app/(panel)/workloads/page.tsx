import type { Metadata } from 'next';
import { WorkloadsScreen } from '@/components/workloads/workloads-screen';
import { WORKLOAD_PAGE_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Workloads' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/workloads?kind=&namespace=&q=`: Deployments, StatefulSets and DaemonSets with rollout state. */
export default async function WorkloadsPage({ searchParams }: { searchParams: SearchParams }) {
  return <WorkloadsScreen initial={readUrlState(WORKLOAD_PAGE_FIELDS, await searchParams)} />;
}
