import type { Metadata } from 'next';
import { PodsView } from '@/components/pods/pods-view';

export const metadata: Metadata = { title: 'Pods' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** `/pods?namespace=&selector=&q=`: every pod, filtered in the browser, virtualized. */
export default async function PodsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  return <PodsView initial={{ namespace: first(sp.namespace), selector: first(sp.selector), search: first(sp.q) }} />;
}
