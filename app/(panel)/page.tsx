import type { Metadata } from 'next';
import { OverviewScreen } from '@/components/overview/overview-screen';

export const metadata: Metadata = { title: 'Overview' };

/** `/`: ImagePod components, GPU totals, nodes, Pending GPU pods, warnings, cache state. */
export default function OverviewPage() {
  return <OverviewScreen />;
}
