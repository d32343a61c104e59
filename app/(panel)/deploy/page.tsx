import type { Metadata } from 'next';
import { DeployView } from '@/components/deploy/deploy-view';

export const metadata: Metadata = { title: 'Deploy' };

/** `/deploy`: one-click deploy of the bundled ImagePod stack. */
export default function DeployPage() {
  return <DeployView />;
}
