import type { Metadata } from 'next';
import { LabelsScreen } from '@/components/nodes/labels/labels-screen';

export const metadata: Metadata = { title: 'Label nodes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/nodes/labels?node=a&node=b`: label one or several nodes, with a placement preview. */
export default async function NodeLabelsPage({ searchParams }: { searchParams: SearchParams }) {
  const node = (await searchParams).node;
  return <LabelsScreen initialNodes={node === undefined ? [] : [node].flat()} />;
}
