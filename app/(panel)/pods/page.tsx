import type { Metadata } from 'next';
import { PodsScreen } from '@/components/pods/pods-screen';

export const metadata: Metadata = { title: 'Pods' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/** `/pods?namespace=&selector=&q=`: every pod, filtered in the browser, virtualized. */
export default async function PodsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  return <PodsScreen initial={{ namespace: first(sp.namespace), selector: first(sp.selector), search: first(sp.q) }} />;
}
