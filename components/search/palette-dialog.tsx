'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchQuery } from '@/lib/queries/search/search-query';
import { mergeHits, rankLocal } from '@/lib/search/local-items';
import { normaliseQuery } from '@/lib/search/rank';
import { MAX_QUERY_LENGTH, type SearchHit } from '@/lib/search/types';
import { setThemeChoice } from '@/lib/theme/theme-store';
import { PaletteOption } from './palette-option';
import { PALETTE_ITEMS, themeOf } from './palette-items';

/** Rows the list shows at most. */
const SHOWN = 20;

/**
 * The palette itself: a modal <dialog> (focus stays inside, the page behind is inert, Escape
 * closes) holding a combobox and its listbox. Arrows move the active option, Enter opens it,
 * the pointer works too. Pages and actions are ranked here; nodes, pods and workloads come from
 * the server's watch cache (GET /api/search), already cut to what the user may see.
 */
export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = normaliseQuery(text);
  // One request in flight at a time; what is typed meanwhile is sent, as the latest text, when it
  // answers. A request per keystroke queued behind the others on the server, so a fast typist's
  // last letter waited for all of them (twice as long, at 10,000 pods).
  const [sent, setSent] = useState(q);
  const search = useSearchQuery(sent);
  if (sent !== q && (q === '' || !search.isFetching)) setSent(q);
  const remote = q && search.data ? search.data.items : [];
  const hits = mergeHits(rankLocal(q, PALETTE_ITEMS), remote, SHOWN);
  const current = Math.min(active, Math.max(hits.length - 1, 0));

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const choose = (h: SearchHit | undefined) => {
    if (!h) return;
    const theme = themeOf(h.key);
    if (theme) setThemeChoice(theme);
    else router.push(h.href);
    ref.current?.close();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = hits.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[current]);
    } else if (e.key === 'Tab') {
      // Nothing else in the dialog takes focus: the input keeps it.
      e.preventDefault();
    }
  };

  const waiting = q.length > 0 && !search.error && search.data?.query !== q;
  const more = q && search.data?.query === q && search.data.truncated ? search.data.total - remote.length : 0;
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label="Find anything"
      data-testid="palette"
      className="mx-auto mt-[12vh] w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-900/40"
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === ref.current) ref.current?.close();
      }}
    >
      <div className="border-b border-zinc-200 px-3">
        <input
          autoFocus
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={hits.length ? `${listId}-${current}` : undefined}
          aria-label="Find a node, pod, workload, page or action"
          placeholder="Find a node, pod, workload, page or action…"
          maxLength={MAX_QUERY_LENGTH}
          spellCheck={false}
          autoComplete="off"
          data-testid="palette-input"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="h-11 w-full bg-transparent text-sm outline-none placeholder:text-zinc-400"
        />
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label="Results"
        // Which query the cluster hits shown answer (e2e times keypress → answer shown by it).
        data-query={q && search.data ? search.data.query : ''}
        className="max-h-[55vh] overflow-auto p-1"
      >
        {hits.map((h, i) => (
          <PaletteOption
            key={`${h.kind}:${h.key}`}
            id={`${listId}-${i}`}
            hit={h}
            active={i === current}
            onPoint={() => setActive(i)}
            onChoose={() => choose(h)}
          />
        ))}
      </ul>
      <footer className="flex items-center justify-between gap-3 border-t border-zinc-200 px-3 py-1.5 text-[11px] text-zinc-500">
        <span data-testid="palette-status" aria-live="polite">
          {search.error
            ? `Cluster search failed: ${search.error.message}`
            : waiting
              ? 'Searching…'
              : q && hits.length === 0
                ? 'Nothing matches'
                : more > 0
                  ? `${more} more match; type more to narrow`
                  : ''}
        </span>
        <span>↑↓ to move · Enter to open · Esc to close</span>
      </footer>
    </dialog>
  );
}
