'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { readUrlState, urlStateQuery, type UrlFields } from '@/lib/url-state/url-state';

/**
 * How a change enters the history: `push` makes a Back step (a select, a sort, a tab), `typing`
 * pushes the first keystroke of a burst and replaces the rest, so Back undoes a whole search.
 */
export type UrlWrite = 'push' | 'replace' | 'typing';

/** Keystrokes closer together than this belong to one burst. */
const BURST_MS = 1000;
let lastTyping = 0;

/**
 * Puts `url` (path and query) in the address bar as `how` says; nothing when it is already there.
 * The History API, not the router: Next's app router follows it without a navigation.
 */
export function writeHistory(url: string, how: UrlWrite): void {
  if (url === `${window.location.pathname}${window.location.search}`) return;
  const now = Date.now();
  const push = how === 'push' || (how === 'typing' && now - lastTyping > BURST_MS);
  lastTyping = how === 'typing' ? now : 0;
  if (push) window.history.pushState(null, '', url);
  else window.history.replaceState(null, '', url);
}

/** Pages listening for Back/Forward within themselves, by path. */
const listeners = new Set<{ path: string; onPop: () => void }>();
let capturing = false;

/**
 * Back/Forward between two states of the same page is the page's own business: the listeners of
 * that path get it and Next's router does not (it would restore the tree stored with the entry,
 * which after a reload is missing from its cache, and hold the page in a pending transition while
 * it refetches). Back/Forward to another page goes to the router as always.
 */
function onPopCapture(e: PopStateEvent) {
  const path = window.location.pathname;
  const mine = [...listeners].filter((l) => l.path === path);
  if (mine.length === 0) return;
  e.stopImmediatePropagation();
  for (const l of mine) l.onPop();
}

/**
 * Calls `onPop` when Back/Forward lands on another state of the current page (its path); returns
 * the unsubscribe function, for an effect's cleanup.
 */
export function onUrlPop(onPop: () => void): () => void {
  if (!capturing) {
    window.addEventListener('popstate', onPopCapture, { capture: true });
    capturing = true;
  }
  const entry = { path: window.location.pathname, onPop };
  listeners.add(entry);
  return () => {
    listeners.delete(entry);
  };
}

/**
 * A page's state held in the address bar: starts from `initial` (what the server component read
 * from the same URL, so server and browser render alike), writes every change to the URL with the
 * History API (Next's router follows it without a navigation, so no stream is reopened), and
 * takes the URL's state again on Back/Forward.
 */
export function useUrlState<S>(fields: UrlFields<S>, initial: S): [S, (patch: Partial<S>, how?: UrlWrite) => void] {
  const [state, setState] = useState(initial);
  const stateRef = useRef(state);

  useEffect(() => {
    return onUrlPop(() => {
      const next = readUrlState(fields, new URLSearchParams(window.location.search));
      stateRef.current = next;
      setState(next);
    });
  }, [fields]);

  const update = useCallback(
    (patch: Partial<S>, how: UrlWrite = 'push') => {
      const next = { ...stateRef.current, ...patch };
      stateRef.current = next;
      setState(next);
      const qs = urlStateQuery(fields, next, new URLSearchParams(window.location.search));
      writeHistory(`${window.location.pathname}${qs ? `?${qs}` : ''}`, how);
    },
    [fields],
  );
  return [state, update];
}
