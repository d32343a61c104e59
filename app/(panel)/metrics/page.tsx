import type { Metadata } from 'next';
import { MetricsScreen } from '@/components/metrics/metrics-screen';
import { METRICS_PAGE_FIELDS } from '@/lib/url-state/page-fields';
import { readUrlState } from '@/lib/url-state/url-state';

export const metadata: Metadata = { title: 'Metrics' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `/metrics?range=&start=&end=&refresh=`: GPU, allocation, API and pod charts from Prometheus. */
export default async function MetricsPage({ searchParams }: { searchParams: SearchParams }) {
  return <MetricsScreen initial={readUrlState(METRICS_PAGE_FIELDS, await searchParams)} />;
}
