import type { ReactNode } from 'react';
import { Sidebar } from '@/components/layout/sidebar';
import { StaleBanner } from '@/components/layout/stale-banner';
import { TopBar } from '@/components/layout/top-bar';

/**
 * The operator shell: dark sidebar, top bar with the cache state, stale banner, page. The
 * document scrolls (sidebar and bars stick), so full-page screenshots show whole pages.
 */
export default function PanelLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="sticky top-0 z-20">
          <TopBar />
          <StaleBanner />
        </div>
        <main className="flex-1 px-5 py-4">{children}</main>
      </div>
    </div>
  );
}
