import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { Sidebar } from '@/components/layout/sidebar';
import { StaleBanner } from '@/components/layout/stale-banner';
import { TopBar } from '@/components/layout/top-bar';
import { TimeZoneProvider } from '@/components/time/time-zone';
import { LiveStreamProvider } from '@/lib/queries/stream/live-stream-context';
import { requirePageSession } from '@/lib/server/auth/page-session';
import { sessionTag } from '@/lib/server/stream/session-tag';
import { parseTimeZone, TIME_ZONE_COOKIE } from '@/lib/time/zone';

/**
 * The operator shell, for signed-in users only (others go to /login): dark sidebar with the user,
 * top bar with the cache state, stale banner, page — and the tab's share of the browser's one
 * live stream, which keeps the cached views current (views never refetch on a timer). The document scrolls (sidebar and
 * bars stick), so full-page screenshots show whole pages.
 */
export default async function PanelLayout({ children }: { children: ReactNode }) {
  const session = await requirePageSession();
  // The operator's UTC/local choice, read here so the server writes times as the browser will.
  const timeZone = parseTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  return (
    <LiveStreamProvider session={sessionTag(session.sid)}>
      <TimeZoneProvider initial={timeZone}>
        <div className="flex min-h-screen">
          <Sidebar user={session.user.username} mode={session.mode} />
          <div className="flex min-w-0 flex-1 flex-col">
            <div className="sticky top-0 z-20">
              <TopBar />
              <StaleBanner />
            </div>
            <main className="flex-1 px-5 py-4">{children}</main>
          </div>
        </div>
      </TimeZoneProvider>
    </LiveStreamProvider>
  );
}
