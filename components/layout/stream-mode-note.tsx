'use client';

import { useStreamShared } from '@/lib/queries/stream/live-stream-context';

/**
 * Said in the top bar where the browser has no SharedWorker: tabs cannot share one connection,
 * so each holds its own and many open tabs can exhaust the browser's connections to the panel.
 */
export function StreamModeNote() {
  if (useStreamShared()) return null;
  return (
    <span
      role="note"
      data-testid="stream-mode-note"
      className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs text-amber-800"
      title="Without SharedWorker, every tab keeps its own live connection; browsers allow about six per server over HTTP/1.1"
    >
      This browser cannot share the live connection between tabs: keep few tabs open
    </span>
  );
}
