'use client';

import { useEffect, useState } from 'react';
import { NavIcon } from '../layout/nav-icon';
import { PaletteDialog } from './palette-dialog';

/** True when a keystroke goes to something that takes text (then `/` is a character, not a shortcut). */
function typingIn(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}

/**
 * The top bar's search button and the "find anything" palette it opens: Ctrl+K (⌘K) anywhere,
 * `/` outside text fields. The dialog mounts only while open.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const chord = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target);
      if (!chord && !slash) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        data-testid="palette-open"
        aria-haspopup="dialog"
        aria-label="Find anything"
        title="Find anything (Ctrl+K or /)"
        aria-keyshortcuts="Control+K Meta+K /"
        className="flex h-7 items-center gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-2 text-xs text-zinc-500 hover:border-zinc-300 hover:text-zinc-700"
      >
        <NavIcon name="search" />
        <span className="hidden lg:inline">Find anything</span>
        <kbd className="hidden rounded border border-zinc-200 bg-white px-1 font-sans text-[10px] text-zinc-500 lg:inline">
          Ctrl K
        </kbd>
      </button>
      {open && <PaletteDialog onClose={() => setOpen(false)} />}
    </>
  );
}
