import type { Metadata } from 'next';
import { NodesView } from '@/components/nodes/nodes-view';

export const metadata: Metadata = { title: 'Nodes' };

/** `/nodes`: every node with GPU capacity, allocatable, requested and free. */
export default function NodesPage() {
  return <NodesView />;
}
