import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ImagePod Control Panel', template: '%s · ImagePod Control Panel' },
  description: 'Deploy and operate the ImagePod GPU stack on Kubernetes',
};

/** The document: global styles and the client providers (query cache, live stream). */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
