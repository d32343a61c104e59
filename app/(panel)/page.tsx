import type { Metadata } from 'next';
import { OverviewView } from '@/components/overview/overview-view';

export const metadata: Metadata = { title: 'Overview' };

/** `/`: ImagePod components, GPU totals, nodes, Pending GPU pods, warnings, cache state. */
export default function OverviewPage() {
  return <OverviewView />;
}
