import { NAV_ITEMS } from '../layout/nav-items';
import type { LocalItem } from '@/lib/search/local-items';
import type { ThemeChoice } from '@/lib/theme/theme';

/** The pages of the sidebar, then the actions the palette can run. */
export const PALETTE_ITEMS: readonly LocalItem[] = [
  ...NAV_ITEMS.map((n): LocalItem => ({
    kind: 'page',
    key: `page:${n.href}`,
    label: n.label,
    detail: 'Page',
    href: n.href,
  })),
  {
    kind: 'action',
    key: 'action:deploy',
    label: 'Deploy the stack',
    detail: 'Action · Deploy page',
    href: '/deploy',
    keywords: ['install', 'upgrade'],
  },
  ...(['dark', 'light', 'system'] as const).map((t): LocalItem => ({
    kind: 'action',
    key: `theme:${t}`,
    label: t === 'system' ? 'Theme: follow the system' : `Theme: ${t}`,
    detail: 'Action',
    keywords: ['theme', 'colour', 'color', `${t} mode`],
  })),
];

/** The theme an item sets, if it is a theme action. */
export function themeOf(key: string): ThemeChoice | null {
  const m = /^theme:(system|light|dark)$/.exec(key);
  return m ? (m[1] as ThemeChoice) : null;
}
