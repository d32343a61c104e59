import type { Metadata } from 'next';
import { NodeDetail } from '@/components/nodes/node-detail';

interface Props {
  params: Promise<{ name: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { name } = await params;
  return { title: `Node ${decodeURIComponent(name)}` };
}

/** `/nodes/<name>`: one node's labels, taints, conditions, pods and GPU allocation. */
export default async function NodePage({ params }: Props) {
  const { name } = await params;
  return <NodeDetail name={decodeURIComponent(name)} />;
}
