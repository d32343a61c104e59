import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { THEME_BOOT_SCRIPT } from '@/lib/theme/theme';
import { Providers } from './providers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'ImagePod Control Panel', template: '%s · ImagePod Control Panel' },
  description: 'Deploy and operate the ImagePod GPU stack on Kubernetes',
};

/**
 * The document: global styles, the theme applied before the first paint (the script carries the
 * CSP nonce from proxy.ts), and the client providers (query cache, live stream). The script sets
 * the `dark` class on <html> before React hydrates, hence suppressHydrationWarning on <html> only.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
