import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CronJobDetail } from '@/components/workloads/cronjob-detail';
import { JobDetail } from '@/components/workloads/job-detail';
import { WorkloadDetail } from '@/components/workloads/workload-detail';
import { WORKLOAD_KIND_OF, isWorkloadResource } from '@/lib/kube-resources';

interface Props {
  params: Promise<{ kind: string; namespace: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` };
}

/**
 * `/workloads/<deployments|statefulsets|daemonsets>/<namespace>/<name>`: status, scale, rollout
 * actions, history and undo; `/workloads/jobs/…` and `/workloads/cronjobs/…`: a Job or a CronJob.
 */
export default async function WorkloadPage({ params }: Props) {
  const { kind, namespace, name } = await params;
  if (kind === 'jobs') return <JobDetail namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
  if (kind === 'cronjobs')
    return <CronJobDetail namespace={decodeURIComponent(namespace)} name={decodeURIComponent(name)} />;
  if (!isWorkloadResource(kind)) notFound();
  return (
    <WorkloadDetail
      kind={WORKLOAD_KIND_OF[kind]}
      namespace={decodeURIComponent(namespace)}
      name={decodeURIComponent(name)}
    />
  );
}
