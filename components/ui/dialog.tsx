'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { cn } from './cn';

/**
 * A modal on the native <dialog>: focus is trapped, Escape closes it, the page behind is inert.
 * Its content mounts only while open, so a closed dialog costs nothing (e.g. no diff computed).
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
  testId,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      data-testid={testId}
      className={cn(
        'm-auto w-[min(56rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-zinc-900/40',
        className,
      )}
    >
      {open && (
        <>
          <header className="border-b border-zinc-200 px-4 py-3">
            <h2 className="text-sm font-semibold">{title}</h2>
          </header>
          <div className="max-h-[65vh] overflow-auto p-4">{children}</div>
          {footer && (
            <footer className="flex items-center justify-end gap-2 border-t border-zinc-200 px-4 py-3">{footer}</footer>
          )}
        </>
      )}
    </dialog>
  );
}
