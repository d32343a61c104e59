import type { Metadata } from 'next';
import { MetricsScreen } from '@/components/metrics/metrics-screen';

export const metadata: Metadata = { title: 'Metrics' };

/** `/metrics`: GPU, allocation, API and pod charts from Prometheus. */
export default function MetricsPage() {
  return <MetricsScreen />;
}
