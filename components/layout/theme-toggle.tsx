'use client';

import { THEME_CHOICES, type ThemeChoice } from '@/lib/theme/theme';
import { setThemeChoice, useThemeChoice } from '@/lib/theme/theme-store';
import { cn } from '../ui/cn';

const ICONS: Record<ThemeChoice, string> = {
  system: 'M3 5h18v11H3zM8 20h8M12 16v4',
  light:
    'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  dark: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z',
};
const LABELS: Record<ThemeChoice, string> = {
  system: 'Theme: follow the system',
  light: 'Theme: light',
  dark: 'Theme: dark',
};

/** System / light / dark, remembered in this browser; the chosen one is pressed. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  return (
    <div role="group" aria-label="Colour theme" className="flex rounded-md border border-zinc-200 p-0.5">
      {THEME_CHOICES.map((c) => (
        <button
          key={c}
          type="button"
          aria-pressed={choice === c}
          aria-label={LABELS[c]}
          title={LABELS[c]}
          data-testid={`theme-${c}`}
          onClick={() => setThemeChoice(c)}
          className={cn(
            'grid size-6 place-items-center rounded text-zinc-500 hover:text-zinc-900',
            choice === c && 'bg-indigo-50 text-indigo-700 hover:text-indigo-700',
          )}
        >
          <svg
            aria-hidden
            viewBox="0 0 24 24"
            width="14"
            height="14"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d={ICONS[c]} />
          </svg>
        </button>
      ))}
    </div>
  );
}
