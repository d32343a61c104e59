import type { Metadata } from 'next';
import { LabelsView } from '@/components/nodes/labels/labels-view';

export const metadata: Metadata = { title: 'Label nodes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/nodes/labels?node=a&node=b`: label one or several nodes, with a placement preview. */
export default async function NodeLabelsPage({ searchParams }: { searchParams: SearchParams }) {
  const node = (await searchParams).node;
  return <LabelsView initialNodes={node === undefined ? [] : [node].flat()} />;
}
