'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '../ui/cn';
import { isActive, NAV_ITEMS } from './nav-items';
import { NavIcon } from './nav-icon';
import { UserBox } from './user-box';

/**
 * The dark left navigation with the product name, and who is signed in at the bottom. Below the
 * `lg` breakpoint (an 800 px window) it is a rail of icons, each named on hover and to readers.
 */
export function Sidebar({ user, mode }: { user: string; mode: 'token' | 'oidc' | 'local' }) {
  const pathname = usePathname();
  return (
    <aside className="w-14 shrink-0 bg-zinc-900 lg:w-52" data-testid="sidebar">
      <nav aria-label="Main" className="sticky top-0 flex h-screen flex-col text-zinc-300">
        <div className="flex h-12 items-center gap-2 border-b border-white/10 px-4 max-lg:justify-center max-lg:px-0">
          <span
            aria-hidden
            className="grid size-6 place-items-center rounded bg-indigo-500 text-xs font-bold text-white"
          >
            IP
          </span>
          <span className="flex flex-col leading-tight max-lg:sr-only">
            <span className="text-sm font-semibold tracking-tight text-white">ImagePod</span>
            <span className="text-[11px] text-zinc-500">Control Panel</span>
          </span>
        </div>
        <ul className="flex flex-col gap-0.5 p-2">
          {NAV_ITEMS.map((item) => {
            const active = isActive(item.href, pathname);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  data-testid={item.testId}
                  aria-current={active ? 'page' : undefined}
                  title={item.label}
                  className={cn(
                    'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm max-lg:justify-center max-lg:px-0 max-lg:py-2',
                    active ? 'bg-white/10 font-medium text-white' : 'hover:bg-white/5 hover:text-white',
                  )}
                >
                  <NavIcon name={item.icon} className={active ? 'text-indigo-300' : 'text-zinc-500'} />
                  <span className="max-lg:sr-only" data-testid="nav-label">
                    {item.label}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
        <UserBox user={user} mode={mode} />
      </nav>
    </aside>
  );
}
