import type { Metadata } from 'next';
import { NodesScreen } from '@/components/nodes/nodes-screen';
import { NODE_PAGE_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Nodes' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/nodes?selector=&q=&sort=`: every node with GPU capacity, allocatable, requested and free. */
export default async function NodesPage({ searchParams }: { searchParams: SearchParams }) {
  return <NodesScreen initial={readUrlState(NODE_PAGE_FIELDS, await searchParams)} />;
}
