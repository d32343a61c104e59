'use client';

import Link from 'next/link';
import { Toaster as Sonner, toast } from 'sonner';
import type { Toast } from '@/lib/queries/mutation-feedback';
import { useThemeChoice } from '@/lib/theme/theme-store';

/** Shows one finished action (see lib/queries/mutation-feedback.ts): success for 5 s, a failure until dismissed. */
export function showToast(t: Toast): void {
  const description = (
    <span className="flex flex-col gap-1">
      {t.description && <span data-testid="toast-description">{t.description}</span>}
      {t.href && (
        <Link href={t.href} data-testid="toast-link" className="font-medium text-indigo-700 hover:underline">
          {t.tone === 'success' ? 'Show what changed' : 'Open it'}
        </Link>
      )}
    </span>
  );
  const options = {
    description,
    testId: `toast-${t.tone}`,
    duration: t.tone === 'success' ? 5000 : Infinity,
    closeButton: true,
  };
  if (t.tone === 'success') toast.success(t.title, options);
  else toast.error(t.title, options);
}

/** The tab's toasts, bottom right, above dialogs' backdrops; in the panel's theme. */
export function Toaster() {
  const theme = useThemeChoice();
  return (
    <Sonner
      theme={theme}
      position="bottom-right"
      visibleToasts={5}
      toastOptions={{ classNames: { title: 'font-medium', toast: 'text-sm' } }}
      containerAriaLabel="Notifications"
    />
  );
}
