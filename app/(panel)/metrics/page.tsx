import type { Metadata } from 'next';
import { MetricsView } from '@/components/metrics/metrics-view';

export const metadata: Metadata = { title: 'Metrics' };

/** `/metrics`: GPU, allocation, API and pod charts from Prometheus. */
export default function MetricsPage() {
  return <MetricsView />;
}
