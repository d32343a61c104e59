/**
 * The colour theme: the user's choice (system, light or dark), where it is remembered, and the
 * script that applies it before the first paint. Pure and shared: the root layout inlines the
 * script, the toggle and the palette's actions change the choice through theme-store.ts.
 */

/** What the user chose; `system` follows `prefers-color-scheme`. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The choices, in the toggle's order. */
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The localStorage key the choice is kept under (per browser, like the OS setting it overrides). */
export const THEME_STORAGE_KEY = 'imagepod-theme';

/** A stored value as a choice: anything unknown (or nothing) is `system`. */
export function parseThemeChoice(v: string | null | undefined): ThemeChoice {
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** The theme shown for a choice, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/**
 * Inlined in <head> and run before the body is parsed: sets `dark` on <html> from the stored
 * choice and the system setting, so the first paint is already in the right theme (no flash of
 * light before React starts). Kept self-contained: it cannot import anything.
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});var d=c==="dark"||(c!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);var e=document.documentElement;e.classList.toggle("dark",d);e.style.colorScheme=d?"dark":"light"}catch(_){}})()`;
