'use client';

import { useSyncExternalStore } from 'react';
import { THEME_STORAGE_KEY, parseThemeChoice, resolveTheme, type ThemeChoice } from './theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system';
  }
}

/** Puts the chosen theme on <html> (what the boot script did at load). */
function apply(choice: ThemeChoice): void {
  const dark = resolveTheme(choice, matchMedia(DARK_QUERY).matches) === 'dark';
  const html = document.documentElement;
  html.classList.toggle('dark', dark);
  html.style.colorScheme = dark ? 'dark' : 'light';
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  const media = matchMedia(DARK_QUERY);
  // The system setting changes, or another tab changes the choice: follow both.
  const onChange = () => {
    apply(readChoice());
    fn();
  };
  media.addEventListener('change', onChange);
  window.addEventListener('storage', onChange);
  return () => {
    listeners.delete(fn);
    media.removeEventListener('change', onChange);
    window.removeEventListener('storage', onChange);
  };
}

/** Remembers the choice (this browser) and applies it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  apply(choice);
  for (const fn of listeners) fn();
}

/**
 * The user's theme choice. The server, and the browser while it hydrates, answer `system` (the
 * server cannot know the choice), then the stored one: no hydration mismatch, as with
 * `useHydrated` in lib/queries/use-query.ts. The page's colours never wait for this: the boot
 * script applied them before the first paint.
 */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, readChoice, () => 'system');
}
