import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { THEME_BOOT_SCRIPT, THEME_STORAGE_KEY, parseThemeChoice, resolveTheme } from './theme';

describe('theme choice', () => {
  it('reads only the known choices, anything else as system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('Dark')).toBe('system');
    expect(parseThemeChoice(null)).toBe('system');
  });

  it('follows the system only when the choice is system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('THEME_BOOT_SCRIPT', () => {
  /** Runs the script against a fake document and answers what it set on <html>. */
  function boot(stored: string | null, systemDark: boolean, throws = false) {
    const classes = new Set<string>();
    const html = {
      classList: { toggle: (c: string, on: boolean) => (on ? classes.add(c) : classes.delete(c)) },
      style: { colorScheme: '' },
    };
    runInNewContext(THEME_BOOT_SCRIPT, {
      localStorage: {
        getItem: (k: string) => {
          if (throws) throw new Error('denied');
          return k === THEME_STORAGE_KEY ? stored : null;
        },
      },
      matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && systemDark }),
      document: { documentElement: html },
    });
    return { dark: classes.has('dark'), scheme: html.style.colorScheme };
  }

  it('applies the stored choice, else the system setting', () => {
    expect(boot('dark', false)).toEqual({ dark: true, scheme: 'dark' });
    expect(boot('light', true)).toEqual({ dark: false, scheme: 'light' });
    expect(boot(null, true)).toEqual({ dark: true, scheme: 'dark' });
    expect(boot('system', false)).toEqual({ dark: false, scheme: 'light' });
  });

  it('leaves the page as it is when storage cannot be read', () => {
    expect(boot(null, true, true)).toEqual({ dark: false, scheme: '' });
  });
});
