import type { Metadata } from 'next';
import { PodsScreen } from '@/components/pods/pods-screen';
import { POD_PAGE_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Pods' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/pods?namespace=&selector=&q=&sort=`: every pod, filtered in the browser, virtualized. */
export default async function PodsPage({ searchParams }: { searchParams: SearchParams }) {
  return <PodsScreen initial={readUrlState(POD_PAGE_FIELDS, await searchParams)} />;
}
