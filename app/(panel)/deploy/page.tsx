import type { Metadata } from 'next';
import { DeployScreen } from '@/components/deploy/deploy-screen';

export const metadata: Metadata = { title: 'Deploy' };

/** `/deploy`: one-click deploy of the bundled ImagePod stack. */
export default function DeployPage() {
  return <DeployScreen />;
}
