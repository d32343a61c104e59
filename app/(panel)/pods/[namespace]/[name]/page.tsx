import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PodDetailView } from '@/components/pods/detail/pod-detail';
import { namespaceName, objectName } from '@/lib/server/http/params';

interface Props {
  params: Promise<{ namespace: string; name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `Pod ${decodeURIComponent(namespace)}/${decodeURIComponent(name)}` };
}

/**
 * `/pods/<namespace>/<name>`: one pod's status, containers, volumes, owners, events and logs. A
 * name no pod can have is the in-app not-found at once; a pod that does not exist is told by the
 * detail view (it may also disappear while the page is open).
 */
export default async function PodPage({ params }: Props) {
  const p = await params;
  const namespace = decodeURIComponent(p.namespace);
  const name = decodeURIComponent(p.name);
  if (!namespaceName.safeParse(namespace).success || !objectName.safeParse(name).success) notFound();
  return <PodDetailView namespace={namespace} name={name} />;
}
