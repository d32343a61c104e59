import type { Metadata } from 'next';
import { NodesScreen } from '@/components/nodes/nodes-screen';

export const metadata: Metadata = { title: 'Nodes' };

/** `/nodes`: every node with GPU capacity, allocatable, requested and free. */
export default function NodesPage() {
  return <NodesScreen />;
}
